// Building PhraseIndex's postings (the format and why: phrase-index.ts). Counting sorts — first
// unit, then second, then third for frequent bigrams — keep positions ascending and touch memory
// almost sequentially: a hash table of a million bigrams cost a cache miss per sample and took
// three times as long.

/** Separates documents in the concatenated text; only the bigram of two separators is not indexed. */
export const SEP = '\uffff';
export const SEP_CODE = 0xffff;

export interface PhrasePostings {
  /** Sorted bigram keys (first unit << 16 | second unit, signed int32 order). */
  keys: Int32Array;
  /** Byte range of each key's postings. */
  offsets: Uint32Array;
  bytes: Uint8Array;
  /** Split bigrams: key rank → [first, end) of their sub-lists in subChars/subOffsets. */
  splits: Map<number, [number, number]>;
  subChars: Uint16Array;
  subOffsets: Uint32Array;
}

/** The text's unit at p, the separator past its end. */
type UnitAt = (p: number) => number;

/** Sampled positions sorted by their first unit: byFirst[firstStart[a] .. firstStart[a + 1]). */
function sortByFirst(text: string, sample: number, at: UnitAt): { firstStart: Uint32Array; byFirst: Uint32Array } {
  const n = text.length;
  const firstStart = new Uint32Array(65537);
  let samples = 0;
  for (let p = 0; p < n; p += sample) {
    const a = text.charCodeAt(p);
    if (a === SEP_CODE && at(p + 1) === SEP_CODE) continue;
    firstStart[a + 1]!++;
    samples++;
  }
  for (let a = 0; a < 65536; a++) firstStart[a + 1]! += firstStart[a]!;
  const byFirst = new Uint32Array(samples);
  const cursor = firstStart.slice(0, 65536);
  for (let p = 0; p < n; p += sample) {
    const a = text.charCodeAt(p);
    if (a === SEP_CODE && at(p + 1) === SEP_CODE) continue;
    byFirst[cursor[a]!++] = p;
  }
  return { firstStart, byFirst };
}

/** The Rice parameter k that codes the gaps of list[from, to) (in samples) in the fewest bits. */
function riceParameter(list: Uint32Array, from: number, to: number, sample: number): { k: number; bits: number } {
  let sum = 0;
  let last = 0;
  for (let g = from; g < to; g++) {
    sum += (list[g]! - last) / sample;
    last = list[g]!;
  }
  const mean = sum / (to - from);
  const k0 = mean < 2 ? 0 : Math.floor(Math.log2(mean * 0.69));
  let k = 0;
  let bits = Infinity;
  for (let kk = Math.max(0, k0 - 2); kk <= Math.min(24, k0 + 2); kk++) {
    let b = 0;
    last = 0;
    for (let g = from; g < to; g++) {
      b += Math.floor((list[g]! - last) / sample / 2 ** kk) + 1 + kk;
      last = list[g]!;
    }
    if (b < bits) {
      bits = b;
      k = kk;
    }
  }
  return { k, bits };
}

/** Positions are multiples of the sample step: gaps are counted in samples and Rice-coded (a
 *  header byte k, then per gap: gap >> k in unary as zeros ended by a one, and its low k bits).
 *  Rare bigrams' gaps run to 2^15–2^21 samples, where a varint spends three bytes. */
/** 2^32 bits. */
const MAX_POSTINGS_BYTES = 2 ** 29;

class RiceWriter {
  bytes: Uint8Array;
  w = 0;

  constructor(
    private readonly sample: number,
    initialBytes: number,
  ) {
    this.bytes = new Uint8Array(initialBytes);
  }

  /** Appends the ascending positions list[from, to). */
  write(list: Uint32Array, from: number, to: number): void {
    const { k, bits } = riceParameter(list, from, to, this.sample);
    const need = 2 + Math.ceil(bits / 8);
    this.reserve(need);
    const bytes = this.bytes;
    bytes[this.w++] = k;
    let pos = this.w * 8;
    bytes.fill(0, this.w, this.w + need - 1);
    let last = 0;
    for (let g = from; g < to; g++) {
      const p = list[g]!;
      const v = (p - last) / this.sample;
      last = p;
      pos += Math.floor(v / 2 ** k);
      bytes[pos >>> 3]! |= 0x80 >>> (pos & 7);
      pos++;
      for (let b = k - 1; b >= 0; b--, pos++) if ((v >>> b) & 1) bytes[pos >>> 3]! |= 0x80 >>> (pos & 7);
    }
    this.w = (pos + 7) >>> 3;
  }

  private reserve(need: number): void {
    if (this.bytes.length - this.w >= need) return;
    // Bit positions are read with `>>> 3` (exact below 2^32 bits): past 512 MB of postings (about
    // 850 M corpus characters, beyond what one JavaScript string holds anyway) a clear stop.
    if (this.w + need > MAX_POSTINGS_BYTES)
      throw new RangeError(
        `phrase postings would pass ${MAX_POSTINGS_BYTES} bytes: the corpus is too large for one process's lookup index; use the OpenSearch backend (--opensearch)`,
      );
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.w + need));
    bigger.set(this.bytes.subarray(0, this.w));
    this.bytes = bigger;
  }
}

/** Stable counting sorts of sampled positions by the unit k after them, with one reused count table. */
class Grouper {
  private readonly count = new Uint32Array(65536);
  readonly ends: number[] = [];

  constructor(private readonly at: UnitAt) {}

  /** Sorts src[from, to) by the unit at p + k into dst[from, to); returns the distinct units in
   *  increasing order, each group's end in `ends`. */
  group(src: Uint32Array, dst: Uint32Array, from: number, to: number, k: number): number[] {
    const { count, at } = this;
    const units: number[] = [];
    for (let i = from; i < to; i++) {
      const u = at(src[i]! + k);
      if (count[u]!++ === 0) units.push(u);
    }
    units.sort((x, y) => x - y);
    let acc = from;
    for (const u of units) {
      const c = count[u]!;
      count[u] = acc;
      acc += c;
    }
    for (let i = from; i < to; i++) {
      const p = src[i]!;
      dst[count[at(p + k)]!++] = p;
    }
    this.ends.length = 0;
    for (const u of units) {
      this.ends.push(count[u]!);
      count[u] = 0;
    }
    return units;
  }
}

/** A scratch array at least `n` long (grown by doubling). */
function atLeast(a: Uint32Array, n: number): Uint32Array {
  return a.length < n ? new Uint32Array(Math.max(n, a.length * 2)) : a;
}

/** Sampled bigram postings of `text`; bigrams with more than `split` samples are split by their
 *  third character. */
export function buildPhrasePostings(text: string, split: number, sample: number): PhrasePostings {
  const n = text.length;
  const at: UnitAt = (p) => (p < n ? text.charCodeAt(p) : SEP_CODE);
  const { firstStart, byFirst } = sortByFirst(text, sample, at);
  const out = new RiceWriter(sample, Math.max(1024, byFirst.length * 2));
  const keys: number[] = [];
  const offsets: number[] = [0];
  const subChars: number[] = [];
  const subOffsets: number[] = [];
  const splits = new Map<number, [number, number]>();
  const bySecond = new Grouper(at);
  const byThird = new Grouper(at);
  let grouped: Uint32Array = new Uint32Array(1024);
  let grouped3: Uint32Array = new Uint32Array(1024);

  /** Writes the bigram group grouped[g, end) as sub-lists by third character. */
  const writeSplit = (g: number, end: number): void => {
    grouped3 = atLeast(grouped3, end);
    const thirds = byThird.group(grouped, grouped3, g, end, 2);
    const first = subChars.length;
    thirds.forEach((c, j) => {
      subChars.push(c);
      subOffsets.push(out.w);
      out.write(grouped3, g, byThird.ends[j]!);
      g = byThird.ends[j]!;
    });
    splits.set(keys.length, [first, subChars.length]);
  };

  // Signed int32 key order: first units ≥ 0x8000 (negative keys) come first.
  for (let step = 0; step < 65536; step++) {
    const a = (step + 0x8000) & 0xffff;
    const from = firstStart[a]!;
    const to = firstStart[a + 1]!;
    if (from === to) continue;
    grouped = atLeast(grouped, to);
    const seconds = bySecond.group(byFirst, grouped, from, to, 1);
    let g = from;
    seconds.forEach((b, i) => {
      const end = bySecond.ends[i]!;
      if (end - g > split) writeSplit(g, end);
      else out.write(grouped, g, end);
      keys.push((a << 16) | b);
      offsets.push(out.w);
      g = end;
    });
  }
  return {
    keys: Int32Array.from(keys),
    offsets: Uint32Array.from(offsets),
    bytes: out.bytes.slice(0, out.w),
    splits,
    subChars: Uint16Array.from(subChars),
    subOffsets: Uint32Array.from(subOffsets),
  };
}

/** Ranks of the bigrams ordered by second unit (a counting sort: ranks stay ascending within a
 *  unit): the ranks ending with unit b are bySecond[bySecondStart[b] .. bySecondStart[b + 1]). */
export function ranksBySecond(keys: Int32Array): { bySecond: Uint32Array; bySecondStart: Uint32Array } {
  const bySecondStart = new Uint32Array(65537);
  for (let r = 0; r < keys.length; r++) bySecondStart[(keys[r]! & 0xffff) + 1]!++;
  for (let b = 0; b < 65536; b++) bySecondStart[b + 1]! += bySecondStart[b]!;
  const bySecond = new Uint32Array(keys.length);
  const cursor = bySecondStart.slice(0, 65536);
  for (let r = 0; r < keys.length; r++) bySecond[cursor[keys[r]! & 0xffff]!++] = r;
  return { bySecond, bySecondStart };
}
