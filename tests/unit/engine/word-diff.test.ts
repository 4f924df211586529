import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../core/diff/word-diff';
import { normalize } from '../../../core/text/normalize';

const rebuild = (ops: [number, string][], skip: number): string =>
  ops
    .filter(([op]) => op !== skip)
    .map(([, t]) => t)
    .join('');

const piece = fc.constantFrom(
  '我们',
  '要',
  '坚持',
  '发展',
  '，',
  '。',
  '人民',
  '经济',
  '改革',
  ' ',
  '2024年',
  '政府',
  '工作',
  '國家',
  '、',
);
const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));

describe('wordDiff', () => {
  it('scriptOps (or ops when there is no script difference) rebuild both original sides exactly; ops rebuild the page and the folded document', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const da = normalize(a);
        const pb = normalize(b);
        fc.pre(da.text.length > 0 && pb.text.length > 0);
        const d = wordDiff({ n: da, start: 0, end: da.text.length }, { n: pb, start: 0, end: pb.text.length });
        const docSide = a.slice(da.starts[0]!, da.ends[da.text.length - 1]!);
        const pageSide = b.slice(pb.starts[0]!, pb.ends[pb.text.length - 1]!);
        const full = d.scriptOps ?? d.ops;
        expect(rebuild(full, 1)).toBe(docSide);
        expect(rebuild(full, -1)).toBe(pageSide);
        expect(rebuild(d.ops, -1)).toBe(pageSide);
        expect(normalize(rebuild(d.ops, 1)).text).toBe(normalize(docSide).text);
        expect(d.similarity).toBeGreaterThanOrEqual(0);
        expect(d.similarity).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('marks a substituted name and keeps the rest equal', () => {
    const doc = normalize('今天，张三同志到会讲话，提出了明确要求。');
    const page = normalize('今天，李四同志到会讲话，提出了明确要求。');
    const d = wordDiff({ n: doc, start: 0, end: doc.text.length }, { n: page, start: 0, end: page.text.length });
    expect(
      d.ops
        .filter(([op]) => op === 0)
        .map(([, t]) => t)
        .join(''),
    ).toContain('提出了明确要求。');
    expect(rebuild(d.ops, 1)).toContain('张三');
    expect(rebuild(d.ops, -1)).toContain('李四');
    expect(d.similarity).toBeGreaterThan(0.8);
    expect(d.similarity).toBeLessThan(1);
  });
});
