import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocumentFile, serializeDocument } from '../../../core/corpus/front-matter';
import type { CorpusDoc } from '../../../core/model/types';

const oneLine = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '').trim())
  .filter((s) => s.length > 0);

const docArb: fc.Arbitrary<CorpusDoc> = fc.record(
  {
    id: fc.constant('x/y.md'),
    title: oneLine,
    date: oneLine,
    place: oneLine,
    source: oneLine,
    script: fc.constantFrom('simplified' as const, 'traditional' as const, 'mixed' as const),
    origin: fc.constantFrom('bundled' as const, 'user' as const),
    body: fc.string({ maxLength: 200 }),
  },
  { requiredKeys: ['id', 'title', 'origin', 'body'] },
);

describe('front matter', () => {
  it('round-trips any document exactly (doc → file → doc → file)', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const file = serializeDocument(doc);
        const back = parseDocumentFile(doc.id, file, doc.origin);
        expect(back).toEqual(doc);
        expect(serializeDocument(back)).toBe(file);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps bodies that merely look like front matter', () => {
    const body = '---\n这不是元数据\n---\n正文';
    expect(parseDocumentFile('a.md', serializeDocument({ id: 'a.md', title: 't', origin: 'user', body })).body).toBe(body);
    // Without a front-matter block, a leading rule line is body text.
    expect(parseDocumentFile('b.txt', '---\n同志们：\n今天开会。').body).toBe('---\n同志们：\n今天开会。');
  });

  it('without front matter: title is the first non-empty line, BOM stripped, body untouched', () => {
    const doc = parseDocumentFile('dir/讲话.txt', '\uFEFF\n\n  在全县工作会议上的讲话  \n\n同志们：\n', 'user');
    expect(doc).toEqual({
      id: 'dir/讲话.txt',
      title: '在全县工作会议上的讲话',
      origin: 'user',
      body: '\n\n  在全县工作会议上的讲话  \n\n同志们：\n',
    });
  });

  it('reads hand-written front matter: CRLF, unknown keys ignored, missing title from the body', () => {
    const doc = parseDocumentFile('c.md', '---\r\nlevel: 县\r\nsource: 某网站\r\nscript: bogus\r\n---\r\n\r\n在会上的讲话\r\n正文', 'bundled');
    expect(doc.title).toBe('在会上的讲话');
    expect(doc.source).toBe('某网站');
    expect(doc.script).toBeUndefined();
    expect(doc.body).toBe('在会上的讲话\r\n正文');
  });
});
