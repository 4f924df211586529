// @vitest-environment node
// The varint position maps against normalize()'s own starts/ends: random mixed text for every
// kind of exception, and long documents for offsets and gaps that need multi-byte varints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactPosMap, expandPosMap, posMapBytes, spanOf, type PosMap } from '../../../core/index/pos-map';
import { normalize, type NormalizedText } from '../../../core/text/normalize';
import { report } from '../../fixtures/corpus';

const FRAGMENTS = [
  ...Array.from('这个会议讲话党的建设同志们发展工作二三月日年号份书记市某'),
  '這是',
  '會議',
  '講話',
  '黨的建設',
  '乾隆',
  '頭髮',
  '於是',
  '裡面',
  '著名',
  '衞',
  '綫',
  '裏',
  '峯',
  '隻',
  'a',
  'B',
  'x',
  'X',
  'max',
  '0',
  '2',
  '9',
  'Ａ',
  '１',
  '２０',
  'ß',
  'ﬁ',
  '½',
  '㈱',
  '㍿',
  '①',
  'XX',
  'xx',
  'ＸＸ',
  '○○',
  '〇〇',
  '××',
  '***',
  '＊＊',
  '某某',
  '某某某',
  '，',
  '。',
  '、',
  '；',
  '：',
  '“',
  '”',
  '「',
  '」',
  '（',
  '）',
  '《',
  '》',
  '—',
  '…',
  '！',
  '？',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\n\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '𠮷',
  '𫫇',
  '😀',
  '👍🏽',
  '\ud800',
  '\udc00',
  'e\u0301',
];
/** Runs past 127 characters, so gaps and start deltas also need multi-byte varints. */
const LONG = ['发展'.repeat(70), ' '.repeat(130), '\n'.repeat(300), 'X'.repeat(140), '○'.repeat(129)];
const mixedText = fc
  .array(
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.constantFrom(...LONG) },
    ),
    {
      maxLength: 200,
    },
  )
  .map((parts) => parts.join(''));

/** First index where the two maps differ, or -1. */
function firstDiff(a: NormalizedText, b: NormalizedText): number {
  if (a.starts.length !== b.starts.length) return -2;
  for (let i = 0; i < a.starts.length; i++) if (a.starts[i] !== b.starts[i] || a.ends[i] !== b.ends[i]) return i;
  return -1;
}

function checkExpand(n: NormalizedText, m: PosMap): void {
  expect(m.length).toBe(n.text.length);
  expect(m.originalLength).toBe(n.original.length);
  const e = expandPosMap(m, n.text, n.original);
  expect(e.text).toBe(n.text);
  expect(e.original).toBe(n.original);
  expect(firstDiff(e, n)).toBe(-1);
}

function checkLookup(n: NormalizedText, m: PosMap, i: number): void {
  expect([i, spanOf(m, i, i)]).toEqual([i, { start: n.starts[i], end: n.ends[i] }]);
  // spanOf gives both ends in one pass, for spans from i of a few lengths.
  for (const len of [1, 2, 7]) {
    const j = Math.min(i + len - 1, n.text.length);
    expect([i, j, spanOf(m, i, j)]).toEqual([i, j, { start: n.starts[i], end: n.ends[j] }]);
  }
}

describe('compact position maps', () => {
  it('rebuild normalize() maps exactly for mixed text, and spanOf agrees at every index', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        const n = normalize(s);
        const m = compactPosMap(n);
        expect(posMapBytes(m)).toBe(m.bytes.byteLength);
        checkExpand(n, m);
        for (let i = 0; i <= n.text.length; i++) checkLookup(n, m, i);
      }),
      { numRuns: 300 },
    );
  });

  it('handle empty and exception-free texts', () => {
    for (const s of ['', ' \n\u3000 ', '中', '发展'.repeat(5000), 'a'.repeat(200)]) {
      const n = normalize(s);
      const m = compactPosMap(n);
      checkExpand(n, m);
      for (let i = 0; i <= n.text.length; i += s.length > 1000 ? 37 : 1) checkLookup(n, m, i);
      checkLookup(n, m, n.text.length);
    }
    // Only position 0 is an exception: three one-byte varints.
    expect(posMapBytes(compactPosMap(normalize('发展'.repeat(5000))))).toBe(3);
  });

  const doc = report('gwr-1955');
  // The 1954 report as Wikisource gives it, in Traditional characters.
  const trad = report('gwr-1954');
  it.each([
    ['a report three times', () => [doc.body, doc.body, doc.body].join('\n\n')],
    [
      'Simplified and Traditional, far past 65,536',
      () => [doc.body, trad.body, doc.body, trad.body, doc.body].join('\n'),
    ],
    ['a long leading gap and a long run', () => ' '.repeat(70_000) + '发展'.repeat(40_000) + '\n××同志\n' + doc.body],
    [
      'a placeholder spanning many characters late in the text',
      () => doc.body + doc.body + 'X'.repeat(300) + '同志' + '○'.repeat(200_000) + '讲话',
    ],
  ])('rebuild long documents exactly: %s', (_name, make) => {
    const n = normalize(make());
    expect(n.original.length).toBeGreaterThan(65_536);
    const m = compactPosMap(n);
    checkExpand(n, m);
    const len = n.text.length;
    const probe = new Set<number>([0, 1, len - 1, len]);
    for (let i = 0; i < len; i += 97) probe.add(i);
    // Every exception and its neighbours, where a wrong decode would show first.
    for (let i = 1; i < len; i++)
      if (n.starts[i] !== n.starts[i - 1]! + 1 || n.ends[i] !== n.starts[i]! + 1) {
        if (probe.size > 6000) break;
        probe
          .add(i - 1)
          .add(i)
          .add(i + 1);
      }
    for (const i of probe) if (i >= 0 && i <= len) checkLookup(n, m, i);
  });
});
