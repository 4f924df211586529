// A compact copy of a NormalizedText's position map. Almost every normalised character comes
// from exactly the original character after its predecessor's (starts[i] = starts[i-1] + 1,
// ends[i] = starts[i] + 1); only the exceptions (after dropped whitespace, surrogate pairs, NFKC
// expansions, phrase conversions, placeholders) are stored, and any document's map is rebuilt in
// O(length) without running normalize() again.
//
// Maps are only read whole (expandPosMap) or for a few dozen lookup hits, never randomly in a hot
// loop, so the exceptions are one sequentially decoded byte stream rather than indexable arrays.
// Each is three varints of what is left once its neighbours are known: the gap from the previous
// exception, its start relative to where the previous run would have reached (zigzag: a run can
// skip original characters or repeat one), and its span length. These are small (an exception
// takes 3.2 bytes on average, half of three 16-bit offsets), so a corpus of 50 M characters keeps
// its maps in under 3 MB instead of 400 MB of starts/ends arrays.
import type { NormalizedText } from '../text/normalize';
import { VarintReader, VarintWriter, unzigzag, zigzag } from './varint';

export interface PosMap {
  /** Normalised length and original length. */
  length: number;
  originalLength: number;
  /** Exceptions in increasing position (the first is always position 0 when length > 0), each as
   *  LEB128 varints: position gap, zigzag start delta from the previous run, end - start. */
  bytes: Uint8Array;
}

export function compactPosMap(n: NormalizedText): PosMap {
  const len = n.text.length;
  const { starts, ends } = n;
  const out = new VarintWriter();
  let prevAt = 0;
  let prevStart = 0;
  for (let i = 0; i < len; i++) {
    const s = starts[i]!;
    if (i === 0 || s !== starts[i - 1]! + 1 || ends[i] !== s + 1) {
      const d = s - (prevStart + (i - prevAt));
      out.write(i - prevAt);
      out.write(zigzag(d));
      out.write(ends[i]! - s);
      prevAt = i;
      prevStart = s;
    }
  }
  return { length: len, originalLength: n.original.length, bytes: out.bytes() };
}

/** Decodes the exceptions in order until visit returns false. */
function forEachException(m: PosMap, visit: (at: number, start: number, end: number) => boolean | void): void {
  const r = new VarintReader(m.bytes);
  let at = 0;
  let start = 0;
  while (r.more()) {
    const gap = r.next();
    const z = r.next();
    at += gap;
    start += gap + unzigzag(z);
    if (visit(at, start, start + r.next()) === false) return;
  }
}

/** The original start of normalised char i and the original end (exclusive) of char j (i ≤ j;
 *  an index of `length` gives the original length), from one pass over the exceptions: a
 *  lookup hit needs both, and decoding twice doubled lookup's cost per returned hit. */
export function spanOf(m: PosMap, i: number, j: number): { start: number; end: number } {
  const a = { at: 0, start: 0 };
  const b = { at: 0, start: 0, end: 0 };
  forEachException(m, (at, start, end) => {
    if (at > j) return false;
    if (at <= i) {
      a.at = at;
      a.start = start;
    }
    b.at = at;
    b.start = start;
    b.end = end;
  });
  return {
    start: i >= m.length ? m.originalLength : a.start + (i - a.at),
    end: j >= m.length ? m.originalLength : b.at === j ? b.end : b.start + (j - b.at) + 1,
  };
}

/** The full NormalizedText again, from the map, the normalised text and the original. */
export function expandPosMap(m: PosMap, text: string, original: string): NormalizedText {
  const len = m.length;
  const starts = new Uint32Array(len + 1);
  const ends = new Uint32Array(len + 1);
  // forEachException inlined: this runs over whole documents, where its callbacks doubled the time.
  const r = new VarintReader(m.bytes);
  let i = 0;
  let at = 0;
  let start = 0;
  while (i < len) {
    let next = len;
    let z = 0;
    let span = 0;
    if (r.more()) {
      next = at + r.next();
      z = r.next();
      span = r.next();
    }
    // The run after the previous exception, up to the next one.
    for (let s = start + (i - at); i < next; i++, s++) {
      starts[i] = s;
      ends[i] = s + 1;
    }
    if (next < len) {
      start += next - at + unzigzag(z);
      at = next;
      starts[i] = start;
      ends[i] = start + span;
      i++;
    }
  }
  starts[len] = m.originalLength;
  ends[len] = m.originalLength;
  return { original, text, starts, ends };
}

export function posMapBytes(m: PosMap): number {
  return m.bytes.byteLength;
}
