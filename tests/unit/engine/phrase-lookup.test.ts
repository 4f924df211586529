// @vitest-environment node
// The positional phrase index and the compact position maps against plain references: every
// occurrence found by indexOf over the concatenated text, and normalize()'s own maps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinTexts } from '../../../core/index/corpus-text';
import { PackedText } from '../../../core/index/packed-text';
import { PhraseIndex, SAMPLE, SEP, nextOneBit } from '../../../core/index/phrase-index';
import { compactPosMap, expandPosMap, spanOf } from '../../../core/index/pos-map';
import { normalize } from '../../../core/text/normalize';
import { reports } from '../../fixtures/corpus';

const docs = reports().slice(0, 60);
const norms = docs.map((d) => normalize(d.body));
const all = norms.map((n) => n.text).join(SEP);
const index = new PhraseIndex(all);
/** Splits almost every bigram by its third character, so both list layouts are checked. */
const splitIndex = new PhraseIndex(all, 8);
/** Weighs the bigrams before the query in every last residue class, not only for long lists. */
const eagerIndex = new PhraseIndex(all, 512, SAMPLE, 0);
/** Verifies its candidates against the packed copy of the text (the extension worker's form). */
const packedIndex = new PhraseIndex(all);
packedIndex.readFrom(new PackedText(all));

function scan(q: string): number[] {
  const out: number[] = [];
  for (let at = all.indexOf(q); at >= 0; at = all.indexOf(q, at + 1)) out.push(at);
  return out;
}

function viaIndex(q: string, idx = index): number[] | null {
  const out: number[] = [];
  const ok = idx.forEachOccurrence(q, (x) => out.push(x));
  return ok ? out.sort((a, b) => a - b) : null;
}

describe('PhraseIndex', () => {
  it('finds exactly the occurrences indexOf finds, for phrases cut from the corpus', () => {
    fc.assert(
      fc.property(fc.nat(norms.length - 1), fc.nat(), fc.integer({ min: SAMPLE - 1, max: 24 }), (d, at, len) => {
        const t = norms[d]!.text;
        const s = at % Math.max(1, t.length - len);
        const q = t.slice(s, s + len);
        fc.pre(q.length >= SAMPLE - 1);
        const want = scan(q);
        expect(viaIndex(q)).toEqual(want);
        expect(viaIndex(q, splitIndex)).toEqual(want);
        expect(viaIndex(q, eagerIndex)).toEqual(want);
        expect(viaIndex(q, packedIndex)).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('counts frequent formula phrases, 4-character ones included, and absent ones', () => {
    for (const q of [
      '高质量发展',
      '实事求是',
      '改革开放',
      '人民群众',
      '经济社会发展',
      '以习近平同志为核心的党中央',
      '这句话不在语料里',
    ]) {
      const want = scan(q);
      if (q !== '这句话不在语料里') expect(want.length).toBeGreaterThan(0);
      expect(viaIndex(q)).toEqual(want);
      expect(viaIndex(q, splitIndex)).toEqual(want);
      expect(viaIndex(q, eagerIndex)).toEqual(want);
    }
  });

  it('finds phrases at the very start and end of documents, every length the index answers', () => {
    for (const n of norms.slice(0, 20))
      for (let len = SAMPLE - 1; len <= SAMPLE + 2; len++)
        for (const q of [n.text.slice(0, len), n.text.slice(n.text.length - len)]) {
          if (q.length < len) continue;
          const want = scan(q);
          expect(viaIndex(q)).toEqual(want);
          expect(viaIndex(q, splitIndex)).toEqual(want);
        }
  });

  it('leaves out, unverified, exactly the candidates skip rules out, and verifies the rest', () => {
    const mid = all.length >>> 1;
    for (const q of ['高质量发展', '实事求是', '改革开放', '经济社会发展', '华侨的']) {
      const want = scan(q).filter((x) => x < mid);
      const asked: number[] = [];
      const got: number[] = [];
      index.forEachOccurrence(
        q,
        (x) => got.push(x),
        (x) => {
          asked.push(x);
          return x >= mid;
        },
      );
      expect(got.sort((a, b) => a - b)).toEqual(want);
      // Candidates are asked about before verification: some of them are not occurrences.
      expect(asked.length).toBeGreaterThan(scan(q).length);
    }
  });

  it('declines queries shorter than the sampling step allows', () => {
    expect(viaIndex('发展'.slice(0, SAMPLE - 2))).toBeNull();
  });
});

describe('nextOneBit (reading postings past 2^31 bits)', () => {
  /** Bytes, all zero but for `ones` (index → byte), without allocating gigabytes. */
  const sparse = (ones: Map<number, number>): ArrayLike<number> =>
    new Proxy({ length: 2 ** 29 } as ArrayLike<number>, {
      get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) ? (ones.get(Number(k)) ?? 0) : Reflect.get(t, k)),
    });

  it.each([
    ['inside the first byte', 1000, new Map([[125, 0b0001_0000]]), 1003],
    ['after zero bytes', 1000, new Map([[130, 0b0100_0000]]), 1041],
    // Byte 2^28 starts at bit 2^31: shifted left, the position wrapped negative and the scan looped.
    ['across bit 2^31', 2 ** 31 - 16, new Map([[2 ** 28 + 2, 0b0000_0010]]), 2 ** 31 + 16 + 6],
    ['near 2^32 bits', 2 ** 32 - 64, new Map([[2 ** 29 - 1, 0b0000_0001]]), 2 ** 32 - 1],
  ])('finds the one bit %s', (_name, from, ones, expected) => {
    expect(nextOneBit(sparse(ones), from, 2 ** 32)).toBe(expected);
  });

  it('answers -1 when only zeros are left before the end', () => {
    expect(nextOneBit(sparse(new Map([[2 ** 28 + 100, 1]])), 2 ** 31 - 8, 2 ** 31 + 64)).toBe(-1);
  });
});

describe('compact position maps', () => {
  it('rebuild normalize() maps exactly, including Traditional and spaced text', () => {
    const samples = [
      ...norms.slice(0, 10),
      normalize('這是 一個　測試，裡面有ＡＢＣ全形字與𠀀擴展字\n還有××同志和某某。'),
      normalize(''),
    ];
    for (const n of samples) {
      const m = compactPosMap(n);
      const e = expandPosMap(m, n.text, n.original);
      let differ = 0;
      for (let i = 0; i <= n.text.length; i++) if (e.starts[i] !== n.starts[i] || e.ends[i] !== n.ends[i]) differ++;
      expect(e.starts.length).toBe(n.starts.length);
      expect(differ).toBe(0);
      for (let i = 0; i < n.text.length; i += 7) {
        expect(spanOf(m, i, i)).toEqual({ start: n.starts[i], end: n.ends[i] });
      }
    }
  });
});

describe('the lookup text past one string', () => {
  it('stops with a clear error naming the OpenSearch backend, and joins below the limit', () => {
    const entries = [{ text: '全面建设' }, { text: '社会主义' }];
    expect(joinTexts(entries, 9)).toBe(`全面建设${SEP}社会主义`);
    expect(() => joinTexts(entries, 8)).toThrow(/9 normalised characters.*--opensearch/);
  });
});
