// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintIndex } from '../../../core/index/fingerprint-index';
import { fingerprints, gramHashes, winnow, GRAM, WINDOW } from '../../../core/index/grams';

type Op =
  { kind: 'add'; fps: number[] } | { kind: 'remove'; pick: number } | { kind: 'freeze' } | { kind: 'roundtrip' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    fps: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('freeze' as const) }),
  fc.record({ kind: fc.constant('roundtrip' as const) }),
);

describe('FingerprintIndex', () => {
  it('agrees with a plain Map oracle through adds, removes, freezes and JSON round trips', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let idx = new FingerprintIndex();
        const oracle = new Map<number, number[]>(); // slot → fingerprints
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'add') {
            const fps = Uint32Array.from(o.fps.map((x) => (x * 2654435761) >>> 0)).sort();
            idx.addDoc(next, fps);
            oracle.set(next++, [...fps]);
          } else if (o.kind === 'remove') {
            const live = [...oracle.keys()];
            if (!live.length) continue;
            const slot = live[o.pick % live.length]!;
            idx.removeDoc(slot, oracle.get(slot)!.length);
            oracle.delete(slot);
          } else if (o.kind === 'freeze') idx.freeze();
          else idx = FingerprintIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
          for (let x = 0; x <= 40; x++) {
            const h = (x * 2654435761) >>> 0;
            const want = [...oracle]
              .filter(([, f]) => f.includes(h))
              .map(([s]) => s)
              .sort((a, b) => a - b);
            const got: number[] = [];
            idx.forEach(h, (s) => got.push(s));
            expect(got.sort((a, b) => a - b)).toEqual(want);
            expect(idx.df(h)).toBe(want.length);
          }
          // tallyShared over a few fingerprints (repeats and unknown ones included) agrees with
          // counting the oracle's lists one by one.
          const probe = [0, 3, 3, 7, 12, 40, 41].map((x) => (x * 2654435761) >>> 0);
          for (const maxDf of [2, 3, 100]) {
            const want = new Map<number, number>();
            for (const h of probe) {
              const holders = [...oracle].filter(([, f]) => f.includes(h)).map(([s]) => s);
              if (holders.length >= 2 && holders.length <= maxDf)
                for (const s of holders) want.set(s, (want.get(s) ?? 0) + 1);
            }
            const got = new Map<number, number>();
            idx.tallyShared(probe, maxDf, (s, n) => got.set(s, (got.get(s) ?? 0) + n));
            expect(got).toEqual(want);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('FingerprintIndex list sharing', () => {
  it('stores the slot list of a passage copied into several documents once', () => {
    const passage = Uint32Array.from({ length: 200 }, (_, i) => (i * 2654435761) >>> 0).sort();
    const idx = new FingerprintIndex();
    for (let slot = 0; slot < 5; slot++) idx.addDoc(slot, passage);
    idx.addDoc(5, Uint32Array.of(7, 9));
    const j = idx.toJSON();
    // Two distinct lists: slots 0–4 (five one-byte varints) and slot 5 (one byte).
    expect(atob(j.docs).length).toBe(6);
    expect(atob(j.offsets).length / 4).toBe(3);
    const back = FingerprintIndex.fromJSON(j);
    for (const h of [passage[0]!, passage[199]!]) {
      const got: number[] = [];
      back.forEach(h, (s) => got.push(s));
      expect(got).toEqual([0, 1, 2, 3, 4]);
      expect(back.df(h)).toBe(5);
    }
    expect(back.df(7)).toBe(1);
  });

  it('widens list ids past 65,536 distinct lists', () => {
    const idx = new FingerprintIndex();
    const n = 70_000;
    for (let slot = 0; slot < n; slot++) idx.addDoc(slot, Uint32Array.of(slot * 61 + 1));
    const back = FingerprintIndex.fromJSON(idx.toJSON());
    expect(back.toJSON().idBytes).toBe(3);
    for (const slot of [0, 65_535, 65_536, 69_999]) {
      const got: number[] = [];
      back.forEach(slot * 61 + 1, (s) => got.push(s));
      expect(got).toEqual([slot]);
    }
  });
});

describe('winnowing', () => {
  it('guarantees a shared fingerprint for any shared run of GRAM + WINDOW - 1 characters', () => {
    const alphabet = fc.constantFrom(
      ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动',
    );
    const str = (min: number, max: number) =>
      fc.array(alphabet, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(str(0, 60), str(0, 60), str(GRAM + WINDOW - 1, 40), (a, b, shared) => {
        const fa = new Set(fingerprints(a + shared + b));
        const fb = fingerprints(b + shared + a);
        expect(fb.some((h) => fa.has(h))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('selects positions whose gram is the minimum of some window', () => {
    const hs = gramHashes('坚持以人民为中心的发展思想，推动经济社会高质量发展，全面深化改革开放。');
    for (const p of winnow(hs)) {
      const lo = Math.max(0, p - WINDOW + 1);
      let ok = false;
      for (let s = lo; s <= p && s + WINDOW <= hs.length; s++)
        if (Math.min(...hs.slice(s, s + WINDOW)) === hs[p]) ok = true;
      expect(ok).toBe(true);
    }
  });
});
