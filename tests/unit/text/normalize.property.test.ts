// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromOriginal, normalize, toOriginal, WILDCARD, type NormalizedText } from '../../../core/text/normalize';
import { seed, TRADITIONAL_SEED } from '../../fixtures/corpus';
import { refCharT2S, refFold, refNormalize } from './reference-normalize';

// Fragments that exercise every rule: Simplified and Traditional (incl. TW/HK variants and
// phrase keys), ASCII, full width, placeholders in and out of context, whitespace, emoji,
// astral ideographs, lone surrogates and the wildcard character itself.
const seedTrad = seed(TRADITIONAL_SEED).body.slice(0, 600);
const FRAGMENTS = [
  ...Array.from('这个会议讲话党的建设同志们发展工作二三月日年号份书记市某'),
  ...Array.from(seedTrad.replace(/\s/g, '').slice(0, 200)),
  '衞',
  '衛',
  '綫',
  '線',
  '裏',
  '裡',
  '峯',
  '着',
  '著',
  '乾',
  '隆',
  '二噁英',
  '於',
  '只',
  '隻',
  '髮',
  '發',
  'a',
  'B',
  'x',
  'X',
  'xx',
  'Ｘ',
  'ｘ',
  'max',
  '0',
  '2',
  '9',
  '１',
  '２０',
  'Ａ',
  'İ',
  'ß',
  'ﬁ',
  '½',
  '㈱',
  '①',
  '*',
  '**',
  '＊',
  '×',
  '××',
  '〇',
  '○',
  '◯',
  '某某',
  '\uE000',
  '，',
  ',',
  '、',
  '。',
  '.',
  '；',
  ';',
  '：',
  ':',
  '“',
  '”',
  '「',
  '」',
  '"',
  "'",
  '（',
  '(',
  '【',
  '）',
  ')',
  '》',
  '《',
  '—',
  '-',
  '…',
  '⋯',
  '～',
  '·',
  '・',
  '!',
  '?',
  '！',
  '？',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u2028',
  '😀',
  '👍🏽',
  '𠮷',
  '𫫇',
  '\ud800',
  '\udc00',
  'é',
  'e\u0301',
  '丽',
  '兀',
];
const mixedText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

function isHigh(u: number) {
  return u >= 0xd800 && u <= 0xdbff;
}
function isLow(u: number) {
  return u >= 0xdc00 && u <= 0xdfff;
}
/** Offset k sits between the two halves of a surrogate pair. */
function splitsPair(s: string, k: number) {
  return k > 0 && k < s.length && isHigh(s.charCodeAt(k - 1)) && isLow(s.charCodeAt(k));
}

function checkMap(n: NormalizedText) {
  const { original, text, starts, ends } = n;
  expect(starts.length).toBe(text.length + 1);
  expect(ends.length).toBe(text.length + 1);
  expect(starts[text.length]).toBe(original.length);
  for (let i = 0; i < text.length; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    expect(s).toBeLessThan(e);
    expect(e).toBeLessThanOrEqual(original.length);
    expect(splitsPair(original, s)).toBe(false);
    expect(splitsPair(original, e)).toBe(false);
    if (i > 0) {
      expect(s).toBeGreaterThanOrEqual(starts[i - 1]!);
      expect(e).toBeGreaterThanOrEqual(ends[i - 1]!);
    }
  }
  // Original characters no normalised character comes from must be ones normalisation drops.
  const covered = new Uint8Array(original.length);
  for (let i = 0; i < text.length; i++) covered.fill(1, starts[i]!, ends[i]!);
  for (let k = 0; k < original.length;) {
    const cp = original.codePointAt(k)!;
    const w = cp > 0xffff ? 2 : 1;
    if (!covered[k]) expect(refFold(String.fromCodePoint(cp))).toBe('');
    k += w;
  }
}

/** Each non-wildcard normalised character comes from exactly one original code point (OpenCC's
 *  Traditional→Simplified tables never change the number of characters), and is what that code
 *  point folds to, or its in-context conversion when it belongs to a phrase. */
function checkLocal(n: NormalizedText) {
  const units = n.text;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u === WILDCARD || (isLow(u.charCodeAt(0)) && i > 0 && isHigh(units.charCodeAt(i - 1)))) continue;
    const pair = isHigh(u.charCodeAt(0)) && i + 1 < units.length && isLow(units.charCodeAt(i + 1));
    if (!pair && (isHigh(u.charCodeAt(0)) || isLow(u.charCodeAt(0)))) continue; // lone surrogate: nothing to compare
    const unit = pair ? units.slice(i, i + 2) : u;
    const slice = n.original.slice(n.starts[i], n.ends[i]);
    expect(Array.from(slice).length, `${unit} from ${JSON.stringify(slice)}`).toBe(1);
    const folded = refFold(slice);
    const options = new Set(Array.from(folded).flatMap((ch) => refCharT2S(ch)));
    if (!options.has(unit)) {
      expect(/^\p{Script=Han}+$/u.test(slice) && /^\p{Script=Han}+$/u.test(unit), `${unit} from ${slice}`).toBe(true);
    }
  }
}

describe('normalize: properties against a naive reference', () => {
  it('normalised text equals the reference on mixed-script input', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(normalize(s).text).toBe(refNormalize(s));
      }),
      { numRuns: 400 },
    );
  });

  it('normalised text equals the reference on arbitrary Unicode', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normalize(s).text).toBe(refNormalize(s));
      }),
      { numRuns: 300 },
    );
  });

  it('maps are well formed, monotone, never split a surrogate pair, and drop only whitespace', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, anyText), (s) => {
        checkMap(normalize(s));
      }),
      { numRuns: 400 },
    );
  });

  it('every normalised character comes from the original characters it points to', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        checkLocal(normalize(s));
      }),
      { numRuns: 300 },
    );
  });

  it('a sentence break isolates both sides (text and offsets)', () => {
    fc.assert(
      fc.property(mixedText, mixedText, (a, b) => {
        const whole = normalize(`${a}。${b}`);
        const na = normalize(a);
        const nb = normalize(b);
        expect(whole.text).toBe(`${na.text}。${nb.text}`);
        const off = na.text.length + 1;
        for (let i = 0; i < nb.text.length; i++) {
          expect(whole.starts[off + i]).toBe(nb.starts[i]! + a.length + 1);
          expect(whole.ends[off + i]).toBe(nb.ends[i]! + a.length + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('toOriginal and fromOriginal round trip on any span', () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), fc.nat(), (s, x, y) => {
        const n = normalize(s);
        const len = n.text.length;
        const a = x % (len + 1);
        const b = a + (y % (len - a + 1));
        const o = toOriginal(n, a, b);
        expect(o.start).toBeLessThanOrEqual(o.end);
        expect(o.end).toBeLessThanOrEqual(s.length);
        if (b > a) {
          const back = fromOriginal(n, o.start, o.end);
          expect(back.start).toBeLessThanOrEqual(a);
          expect(back.end).toBeGreaterThanOrEqual(b);
          // Spans are ordered: a later span never maps before an earlier one.
          const later = toOriginal(n, b - 1, b);
          expect(later.start).toBeGreaterThanOrEqual(o.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
