// @vitest-environment node
// Validates every bundled corpus file: the extension ships these bytes, and other modules rely on
// their format and ids.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED_FRONT_MATTER_KEYS, parseDocumentFile, readFrontMatter, serializeDocument } from '../../../core/corpus/front-matter';
import { isJunkLine } from '../../../core/extract/junk';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpusDir = path.join(repo, 'corpus');

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const files = walk(corpusDir);
const docFiles = files.filter((f) => /\.(md|txt)$/.test(f));
const read = (id: string) => readFileSync(path.join(corpusDir, id));
const docs = docFiles.map((id) => {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(read(id));
  return { id, text, doc: parseDocumentFile(id, text, 'bundled') };
});
const bodyLines = (body: string) => body.split('\n');

describe('bundled corpus', () => {
  it('holds only documents and the manifest, and the manifest lists exactly the documents', () => {
    expect(files.filter((f) => !docFiles.includes(f))).toEqual(['manifest.json']);
    const manifest = JSON.parse(read('manifest.json').toString('utf8')) as { ids: string[] };
    // Ids are referenced by saved results and user data: a rename must be deliberate.
    expect(docFiles).toEqual(manifest.ids);
    expect(docFiles.every((f) => f.endsWith('.md'))).toBe(true);
  });

  it('is strict UTF-8 without BOM or replacement characters', () => {
    for (const { id } of docs) {
      const bytes = read(id);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), id).toBe(false);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), id).not.toThrow();
    }
    for (const { id, text } of docs) expect(text.includes('\uFFFD'), id).toBe(false);
  });

  it('has front matter with allowed keys, a title and a source, each file in canonical form', () => {
    for (const { id, text, doc } of docs) {
      const fm = readFrontMatter(text);
      expect(fm, id).not.toBeNull();
      const keys = fm!.entries.map(([k]) => k);
      expect(keys.filter((k) => !ALLOWED_FRONT_MATTER_KEYS.includes(k)), id).toEqual([]);
      expect(new Set(keys).size, id).toBe(keys.length);
      expect(keys, id).toEqual(expect.arrayContaining(['title', 'source', 'script']));
      expect(['simplified', 'traditional', 'mixed'], id).toContain(doc.script);
      expect(serializeDocument(doc), id).toBe(text);
      expect(doc.body.length, id).toBeGreaterThan(500);
    }
  });

  it('has no whitespace clutter: LF only, no trailing spaces, no blank-line runs, no blank ends', () => {
    for (const { id, text, doc } of docs) {
      expect(text.includes('\r'), id).toBe(false);
      expect(text.split('\n').filter((l) => /[ \t\u3000]$/.test(l)), id).toEqual([]);
      expect(doc.body.includes('\n\n\n'), id).toBe(false);
      expect(doc.body, id).toBe(doc.body.trim());
    }
  });

  it('has no template-site junk lines left', () => {
    for (const { id, doc } of docs) expect(bodyLines(doc.body).filter(isJunkLine), id).toEqual([]);
  });

  it('ships only sources that may be bundled: the five seeds and the national and provincial work reports', () => {
    const reports = docs.filter((d) => d.id.startsWith('reports/'));
    const provincial = docs.filter((d) => d.id.startsWith('provincial/'));
    const seeds = docs.filter((d) => d.id.startsWith('seeds/'));
    expect(reports.length + provincial.length + seeds.length).toBe(docs.length);
    for (const { id, doc } of reports) expect(doc.source, id).toMatch(/^zh\.wikisource https:\/\/zh\.wikisource\.org\/wiki\//);
    for (const { id, doc } of provincial) {
      expect(doc.source, id).toMatch(/(?:^|via )johncodes404\/china-provincial-gov-reports-2026:output\/2026_raw_text\//);
    }
    const forbidden = /xi-speeches|hansard|legco|vanillabeans98|siuying|people\.cn/i;
    for (const { id, doc } of docs) expect(doc.source ?? '', id).not.toMatch(forbidden);
  });

  it('holds all 31 provincial 2026 work reports, each a dated report of its own province', () => {
    const provincial = docs.filter((d) => d.id.startsWith('provincial/')).map((d) => d.doc);
    expect(docs.length).toBeGreaterThanOrEqual(99);
    expect(provincial.length).toBe(31);
    expect(new Set(provincial.map((d) => d.place)).size).toBe(31);
    for (const d of provincial) {
      expect(d.place, d.id).toMatch(/^\p{Script=Han}{2,6}(?:省|市|自治区)$/u);
      // Delivered at the province's people's congress in January or February 2026.
      expect(d.date, d.id).toMatch(/^2026-0[12]-\d{2}$/);
      expect(d.title, d.id).toContain(d.place!.replace(/(?:省|市|回族自治区|壮族自治区|维吾尔自治区|自治区)$/, ''));
      expect(d.title, d.id).toMatch(/政府工作报告$/);
      // The report proper, from its salutation: the newspaper's masthead, byline and captions are gone.
      expect(d.body, d.id).toMatch(/^各位代表[：！]/);
      expect(d.body, d.id).not.toMatch(/本报(?:全媒体)?记者|阅读量|^来源[:：]|^时间[:：]/m);
      expect(d.body.length, d.id).toBeGreaterThan(8000);
    }
  });

  // Against their sources in ../shared (every report's characters, every seed line an original
  // line): tests/data/bundled-corpus.test.ts.
  it('keeps the seed speeches as speeches: title in front matter, not atop the body; the site blurb gone; 004 Traditional', () => {
    const seeds = docs.filter((d) => d.id.startsWith('seeds/'));
    expect(seeds).toHaveLength(5);
    for (const { id, doc } of seeds) {
      expect(bodyLines(doc.body)[0]!.trim(), id).not.toBe(doc.title);
    }
    const s001 = seeds.find((s) => s.id.startsWith('seeds/001_'))!.doc;
    expect(s001.title).toBe('2023组织部长在春节收心会暨组织工作务虚会上讲话');
    expect(s001.body.startsWith('同志们:\n今天是我们春节收假上班后召开的第一个会')).toBe(true);
    expect(s001.body).not.toMatch(/小编|供大家参考/);
    expect(seeds.find((s) => s.id.startsWith('seeds/004_'))!.doc.script).toBe('traditional');
  });
});
