// A compact copy of a NormalizedText's position map. Almost every normalised character comes
// from exactly the original character after its predecessor's (starts[i] = starts[i-1] + 1,
// ends[i] = starts[i] + 1); only the exceptions (after dropped whitespace, surrogate pairs, NFKC
// expansions, phrase conversions, placeholders) are stored. A corpus of 50 M characters keeps its
// maps in a few MB instead of 400 MB of starts/ends arrays, and any document's map is rebuilt
// in O(length) without running normalize() again.
import type { NormalizedText } from '../text/normalize';

export interface PosMap {
  /** Normalised length and original length. */
  length: number;
  originalLength: number;
  /** Exception positions (increasing, always including 0 when length > 0) with their spans;
   *  16-bit when both lengths fit (almost every speech), halving the maps. */
  at: Uint16Array | Uint32Array;
  starts: Uint16Array | Uint32Array;
  ends: Uint16Array | Uint32Array;
}

export function compactPosMap(n: NormalizedText): PosMap {
  const len = n.text.length;
  const { starts, ends } = n;
  let count = 0;
  for (let i = 0; i < len; i++)
    if (i === 0 || starts[i] !== starts[i - 1]! + 1 || ends[i] !== starts[i]! + 1) count++;
  const Arr = len < 65536 && n.original.length < 65536 ? Uint16Array : Uint32Array;
  const at = new Arr(count);
  const s = new Arr(count);
  const e = new Arr(count);
  let w = 0;
  for (let i = 0; i < len; i++)
    if (i === 0 || starts[i] !== starts[i - 1]! + 1 || ends[i] !== starts[i]! + 1) {
      at[w] = i;
      s[w] = starts[i]!;
      e[w] = ends[i]!;
      w++;
    }
  return { length: len, originalLength: n.original.length, at, starts: s, ends: e };
}

/** Index of the last exception at or before i. */
function exceptionOf(m: PosMap, i: number): number {
  let lo = 0;
  let hi = m.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (m.at[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Original start of normalised char i (i === length gives the original length). */
export function startOf(m: PosMap, i: number): number {
  if (i >= m.length) return m.originalLength;
  const x = exceptionOf(m, i);
  return m.starts[x]! + (i - m.at[x]!);
}

/** Original end (exclusive) of normalised char i. */
export function endOf(m: PosMap, i: number): number {
  if (i >= m.length) return m.originalLength;
  const x = exceptionOf(m, i);
  return m.at[x] === i ? m.ends[x]! : m.starts[x]! + (i - m.at[x]!) + 1;
}

/** The full NormalizedText again, from the map, the normalised text and the original. */
export function expandPosMap(m: PosMap, text: string, original: string): NormalizedText {
  const len = m.length;
  const starts = new Uint32Array(len + 1);
  const ends = new Uint32Array(len + 1);
  let x = 0;
  let base = 0;
  let baseAt = 0;
  for (let i = 0; i < len; i++) {
    if (x < m.at.length && m.at[x] === i) {
      starts[i] = m.starts[x]!;
      ends[i] = m.ends[x]!;
      base = m.starts[x]!;
      baseAt = i;
      x++;
    } else {
      starts[i] = base + (i - baseAt);
      ends[i] = starts[i]! + 1;
    }
  }
  starts[len] = m.originalLength;
  ends[len] = m.originalLength;
  return { original, text, starts, ends };
}

export function posMapBytes(m: PosMap): number {
  return m.at.byteLength * 3;
}
