// The index's byte codecs: varints round-trip any sequence of integers below 2^53 (position maps
// carry zigzag deltas past 2^31), the counting shortcut agrees with decoding, and the bytes are
// standard LEB128 so snapshots written before the codecs moved here read the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1aBytes, fnv1aString } from '../../../core/index/fnv1a';
import { VarintReader, VarintWriter, countVarints, unzigzag, zigzag } from '../../../core/index/varint';

const value = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.maxSafeInteger().map(Math.abs),
);

describe('varint', () => {
  it('reads back what it wrote, and counts one value per final byte', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (values, initial) => {
        const w = new VarintWriter(initial);
        for (const v of values) w.write(v);
        const bytes = w.bytes();
        expect(bytes.length).toBe(w.length);
        const r = new VarintReader(bytes);
        const back: number[] = [];
        while (r.more()) back.push(r.next());
        expect(back).toEqual(values);
        expect(countVarints(bytes, 0, bytes.length)).toBe(values.length);
      }),
    );
  });

  it('reads a range of a larger buffer', () => {
    const w = new VarintWriter();
    [5, 300, 70_000].forEach((v) => w.write(v));
    const from = w.length;
    [1, 2 ** 40].forEach((v) => w.write(v));
    const r = new VarintReader(w.bytes(), from);
    expect([r.next(), r.next(), r.more()]).toEqual([1, 2 ** 40, false]);
  });

  it('writes standard LEB128 bytes', () => {
    const w = new VarintWriter();
    [0, 127, 128, 300, 2 ** 31, 2 ** 53 - 1].forEach((v) => w.write(v));
    expect([...w.bytes()]).toEqual([
      0x00, 0x7f, 0x80, 0x01, 0xac, 0x02, 0x80, 0x80, 0x80, 0x80, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f,
    ]);
  });

  it('truncate and equalsRange let a writer drop a list equal to an earlier one', () => {
    const w = new VarintWriter();
    [1, 200].forEach((v) => w.write(v));
    const from = w.length;
    [1, 200].forEach((v) => w.write(v));
    expect(w.equalsRange(0, from)).toBe(true);
    w.truncate(from);
    w.write(2);
    expect(w.equalsRange(0, from)).toBe(false);
    expect(w.bytes().length).toBe(from + 1);
  });

  it('zigzag maps signed to unsigned and back', () => {
    expect([0, -1, 1, -2, 2].map(zigzag)).toEqual([0, 1, 2, 3, 4]);
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), (d) => {
        expect(zigzag(d)).toBeGreaterThanOrEqual(0);
        expect(unzigzag(zigzag(d))).toBe(d);
      }),
    );
  });
});

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(fnv1aBytes(bytes('')) >>> 0).toBe(0x811c9dc5);
    expect(fnv1aBytes(bytes('a')) >>> 0).toBe(0xe40c292c);
    expect(fnv1aBytes(bytes('foobar')) >>> 0).toBe(0xbf9cf968);
    expect(fnv1aString('foobar')).toBe(fnv1aBytes(bytes('foobar')));
    expect(fnv1aBytes(bytes('xfoobarx'), 1, 7)).toBe(fnv1aBytes(bytes('foobar')));
  });
});
