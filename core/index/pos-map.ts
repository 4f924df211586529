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
  let buf = new Uint8Array(64);
  let w = 0;
  // Values can exceed 2^31 (a zigzag delta of a 32-bit offset), so no bitwise shifts.
  const put = (v: number): void => {
    if (w + 5 > buf.length) {
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf);
      buf = grown;
    }
    while (v >= 0x80) {
      buf[w++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    buf[w++] = v;
  };
  let prevAt = 0;
  let prevStart = 0;
  for (let i = 0; i < len; i++) {
    const s = starts[i]!;
    if (i === 0 || s !== starts[i - 1]! + 1 || ends[i] !== s + 1) {
      const d = s - (prevStart + (i - prevAt));
      put(i - prevAt);
      put(d >= 0 ? 2 * d : -2 * d - 1);
      put(ends[i]! - s);
      prevAt = i;
      prevStart = s;
    }
  }
  return { length: len, originalLength: n.original.length, bytes: buf.slice(0, w) };
}

/** Decodes the exceptions in order until visit returns false. */
function forEachException(m: PosMap, visit: (at: number, start: number, end: number) => boolean | void): void {
  const b = m.bytes;
  let p = 0;
  const next = (): number => {
    let v = 0;
    let scale = 1;
    let c: number;
    do {
      c = b[p++]!;
      v += (c & 0x7f) * scale;
      scale *= 0x80;
    } while (c & 0x80);
    return v;
  };
  let at = 0;
  let start = 0;
  while (p < b.length) {
    const gap = next();
    const z = next();
    at += gap;
    start += gap + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
    if (visit(at, start, start + next()) === false) return;
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
  const b = m.bytes;
  let p = 0;
  let i = 0;
  let at = 0;
  let start = 0;
  while (i < len) {
    let next = len;
    let z = 0;
    let span = 0;
    if (p < b.length) {
      let gap = 0;
      let c: number;
      for (let scale = 1; ; scale *= 0x80) {
        c = b[p++]!;
        gap += (c & 0x7f) * scale;
        if (c < 0x80) break;
      }
      for (let scale = 1; ; scale *= 0x80) {
        c = b[p++]!;
        z += (c & 0x7f) * scale;
        if (c < 0x80) break;
      }
      for (let scale = 1; ; scale *= 0x80) {
        c = b[p++]!;
        span += (c & 0x7f) * scale;
        if (c < 0x80) break;
      }
      next = at + gap;
    }
    // The run after the previous exception, up to the next one.
    for (let s = start + (i - at); i < next; i++, s++) {
      starts[i] = s;
      ends[i] = s + 1;
    }
    if (next < len) {
      start += next - at + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
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
