// @vitest-environment node
// The packed corpus text answers exactly like the plain string it packs: random texts with every
// code length (one-byte, two-byte, escaped; astral pairs and the document separator among them),
// and the bundled corpus's normalised text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedText } from '../../../core/index/packed-text';
import { SEP } from '../../../core/index/phrase-index';
import { normalize } from '../../../core/text/normalize';
import { bundledDocs } from '../../fixtures/corpus';

/** Units from a few frequent ones to hundreds of rare ones, so a small one-byte table leaves some
 *  units two-byte and some escaped. */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('的', '发', '展', '，', '。', 'a', '1', SEP) },
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x4e00 + 700 }).map((c) => String.fromCharCode(c)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u{20000}', '\u{2A6D6}', '\u00ff', '\u0100', '\u0000', '\ufffe', '\ufeff', '\ud800'),
  },
);
const text = fc.array(unit, { maxLength: 400 }).map((a) => a.join(''));
/** No forced table, or one leaving 1–254 one-byte codes (1 and small tables escape quickly). */
const oneByte = fc.option(fc.integer({ min: 1, max: 254 }), { nil: undefined });

function occurrences(s: { indexOf(q: string, from?: number): number }, q: string): number[] {
  const out: number[] = [];
  for (let at = s.indexOf(q); at >= 0; at = s.indexOf(q, at + 1)) out.push(at);
  return out;
}

describe('PackedText', () => {
  it('reads every character and slice as the plain string does', () => {
    fc.assert(
      fc.property(
        text,
        oneByte,
        fc.integer({ min: -20, max: 420 }),
        fc.integer({ min: -20, max: 420 }),
        (s, t, a, b) => {
          const p = new PackedText(s, t);
          expect(p.length).toBe(s.length);
          for (let x = -1; x <= s.length; x++) expect(p.charCodeAt(x)).toEqual(s.charCodeAt(x));
          expect(p.slice(a, b)).toBe(s.slice(a, b));
          expect(p.slice(a)).toBe(s.slice(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers startsWith and indexOf as the plain string does, for cut and random queries', () => {
    fc.assert(
      fc.property(
        text,
        oneByte,
        fc.nat(),
        fc.integer({ min: 0, max: 6 }),
        fc.array(unit, { maxLength: 3 }),
        (s, t, at, len, rnd) => {
          const p = new PackedText(s, t);
          const from = at % (s.length + 1);
          for (const q of [s.slice(from, from + len), rnd.join('')]) {
            for (let x = -1; x <= s.length + 1; x++) expect(p.startsWith(q, x)).toBe(s.startsWith(q, x));
            if (q) expect(occurrences(p, q)).toEqual(occurrences(s, q));
            expect(p.indexOf(q, from)).toBe(s.indexOf(q, from));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not count an encoded match that starts inside a two-byte code', () => {
    // 300 units, eight of them one-byte: the second bytes of two-byte codes repeat the one-byte codes.
    let s = '';
    for (let i = 0; i < 300; i++) s += String.fromCharCode(0x4e00 + i).repeat(300 - i);
    const p = new PackedText(s, 8);
    for (const q of [s[0]!, s[3]! + s[3]!, s[299]!]) {
      expect(occurrences(p, q)).toEqual(occurrences(s, q));
      expect(p.indexOf(q, 40_000)).toBe(s.indexOf(q, 40_000));
    }
  });

  it('packs the bundled corpus below 1.7 bytes a character, tables included, and reads it back exactly', () => {
    const docs = bundledDocs().map((d) => normalize(d.body).text);
    const all = docs.join(SEP);
    const p = new PackedText(all);
    // About 1.28 bytes of codes, 0.25 of sample blocks and a fixed 128 KB of rank tables (0.06 here).
    expect(p.byteLength() / all.length).toBeLessThan(1.7);
    let at = 0;
    for (const d of docs) {
      expect(p.slice(at, at + d.length)).toBe(d);
      at += d.length + 1;
    }
    for (const q of ['高质量发展', '的', '发展', '全面深化改革', SEP + docs[1]!.slice(0, 3), '\u{20000}'])
      expect(occurrences(p, q)).toEqual(occurrences(all, q));
  });
});
