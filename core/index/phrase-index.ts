// Positional postings for phrase lookup over the concatenated corpus text: for every character
// bigram, the positions ≡ 0 (mod SAMPLE) where it starts, delta-coded as varints. An occurrence
// of a query at x has its sampled positions at offsets o ≡ -x (mod SAMPLE), so one postings list
// per residue class (the cheapest) names every occurrence exactly once; each candidate is
// verified with startsWith. Frequent bigrams (发展, 社会) have their postings split by the third
// character, so a query holding 社会发 reads only that part: verifying a candidate costs a cache
// miss on the text, and the split keeps formula phrases to a few thousand candidates. Sampling
// keeps the index near 4 / SAMPLE · (≈ 0.6 for varints) bytes per corpus character.

export const SAMPLE = 3;
/** Separates documents in the concatenated text; bigrams holding it are not indexed. */
export const SEP = '\uffff';
const SEP_CODE = 0xffff;
/** Bigrams with more sampled postings than this are split by their third character (lower and
 *  the per-list overheads outgrow the saving: 512 cost 18 % more bytes, 4096 about 3 %). */
export const SPLIT = 4096;

/** A run of varint bytes holding one ascending positions list. */
interface Stream {
  from: number;
  to: number;
}

export class PhraseIndex {
  /** Sorted bigram keys (first unit << 16 | second unit, signed int32 order). */
  private keys: Int32Array;
  /** Byte range of each key's postings (its length stands for the posting count when choosing
   *  the cheapest list: no counts stored). */
  private offsets: Uint32Array;
  private bytes: Uint8Array;
  /** Split bigrams: key rank → [first, end) of their sub-lists in subChars/subOffsets. */
  private splits = new Map<number, [number, number]>();
  /** Third character and byte start of each sub-list (its end is the next start, or the bigram's end). */
  private subChars: Uint16Array;
  private subOffsets: Uint32Array;

  /** Built by counting sorts (first unit, then second, then third for frequent bigrams), which
   *  keep positions ascending and touch memory almost sequentially: a hash table of a million
   *  bigrams cost a cache miss per sample and took three times as long. */
  constructor(
    readonly text: string,
    split = SPLIT,
  ) {
    const n = text.length;
    const at = (p: number): number => (p < n ? text.charCodeAt(p) : SEP_CODE);
    const firstCount = new Uint32Array(65537);
    let samples = 0;
    for (let p = 0; p + 1 < n; p += SAMPLE) {
      const a = text.charCodeAt(p);
      if (a === SEP_CODE || text.charCodeAt(p + 1) === SEP_CODE) continue;
      firstCount[a + 1]!++;
      samples++;
    }
    for (let a = 0; a < 65536; a++) firstCount[a + 1]! += firstCount[a]!;
    const byFirst = new Uint32Array(samples);
    const cursor = firstCount.slice(0, 65536);
    for (let p = 0; p + 1 < n; p += SAMPLE) {
      const a = text.charCodeAt(p);
      if (a === SEP_CODE || text.charCodeAt(p + 1) === SEP_CODE) continue;
      byFirst[cursor[a]!++] = p;
    }
    const keys: number[] = [];
    const offsets: number[] = [0];
    const subChars: number[] = [];
    const subOffsets: number[] = [];
    let bytes = new Uint8Array(Math.max(1024, samples * 2));
    let w = 0;
    const count = new Uint32Array(65536);
    let grouped = new Uint32Array(1024);
    let grouped3 = new Uint32Array(1024);

    const write = (list: Uint32Array, from: number, to: number): void => {
      if (bytes.length - w < (to - from) * 5) {
        const bigger = new Uint8Array(Math.max(bytes.length * 2, w + (to - from) * 5));
        bigger.set(bytes.subarray(0, w));
        bytes = bigger;
      }
      // Positions are multiples of SAMPLE: deltas are stored in samples (a byte saved on many).
      let last = 0;
      for (let g = from; g < to; g++) {
        const p = list[g]!;
        let v = (p - last) / SAMPLE;
        last = p;
        while (v >= 0x80) {
          bytes[w++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        bytes[w++] = v;
      }
    };
    /** Stable counting sort of src[from, to) by the unit at p + k into dst[from, to); returns
     *  the distinct units in increasing order with their group ends in `ends`. */
    const groupBy = (src: Uint32Array, dst: Uint32Array, from: number, to: number, k: number, ends: number[]): number[] => {
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
      ends.length = 0;
      for (const u of units) {
        ends.push(count[u]!);
        count[u] = 0;
      }
      return units;
    };

    const ends2: number[] = [];
    const ends3: number[] = [];
    // Signed int32 key order: first units ≥ 0x8000 (negative keys) come first.
    for (let step = 0; step < 65536; step++) {
      const a = (step + 0x8000) & 0xffff;
      const from = firstCount[a]!;
      const to = firstCount[a + 1]!;
      if (from === to) continue;
      if (grouped.length < to) grouped = new Uint32Array(Math.max(to, grouped.length * 2));
      const seconds = groupBy(byFirst, grouped, from, to, 1, ends2);
      let g = from;
      seconds.forEach((b, i) => {
        const end = ends2[i]!;
        if (end - g > split) {
          if (grouped3.length < end) grouped3 = new Uint32Array(Math.max(end, grouped3.length * 2));
          const thirds = groupBy(grouped, grouped3, g, end, 2, ends3);
          const first = subChars.length;
          let h = g;
          thirds.forEach((c, j) => {
            subChars.push(c);
            subOffsets.push(w);
            write(grouped3, h, ends3[j]!);
            h = ends3[j]!;
          });
          this.splits.set(keys.length, [first, subChars.length]);
        } else write(grouped, g, end);
        keys.push((a << 16) | b);
        offsets.push(w);
        g = end;
      });
    }
    this.keys = Int32Array.from(keys);
    this.offsets = Uint32Array.from(offsets);
    this.bytes = bytes.slice(0, w);
    this.subChars = Uint16Array.from(subChars);
    this.subOffsets = Uint32Array.from(subOffsets);
  }

  private rank(a: number, b: number): number {
    const key = (a << 16) | b;
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Every ascending list of bigram rank r (its sub-lists when split). */
  private allStreams(r: number, out: Stream[]): void {
    const split = this.splits.get(r);
    if (!split) {
      out.push({ from: this.offsets[r]!, to: this.offsets[r + 1]! });
      return;
    }
    for (let j = split[0]; j < split[1]; j++)
      out.push({ from: this.subOffsets[j]!, to: j + 1 < split[1] ? this.subOffsets[j + 1]! : this.offsets[r + 1]! });
  }

  /** The lists holding every sampled start of q's bigram at o (narrowed by q[o + 2] if split). */
  private streamsAt(q: string, o: number, out: Stream[]): void {
    const r = this.rank(q.charCodeAt(o), q.charCodeAt(o + 1));
    if (r < 0) return;
    const split = this.splits.get(r);
    if (!split || o + 2 >= q.length) {
      this.allStreams(r, out);
      return;
    }
    const c = q.charCodeAt(o + 2);
    let lo = split[0];
    let hi = split[1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.subChars[mid]!;
      if (k < c) lo = mid + 1;
      else if (k > c) hi = mid - 1;
      else {
        out.push({ from: this.subOffsets[mid]!, to: mid + 1 < split[1] ? this.subOffsets[mid + 1]! : this.offsets[r + 1]! });
        return;
      }
    }
  }

  /** Calls fn(x, stream) for every start x of `q` in the text, each once; x increases within a
   *  stream (one postings list). Returns false, calling nothing, when q is too short for the
   *  sampling (fewer than SAMPLE characters). */
  forEachOccurrence(q: string, fn: (x: number, stream: number) => void): boolean {
    const m = q.length;
    if (m < SAMPLE) return false;
    // One offset per residue class, the one with the fewest postings bytes. A class with no
    // whole bigram inside q (only when m === SAMPLE) reads every bigram starting with q's last
    // character.
    const plan: { o: number; streams: Stream[] }[] = [];
    for (let r = 0; r < SAMPLE; r++) {
      let best: Stream[] | null = null;
      let bestO = -1;
      let bestCost = Infinity;
      for (let o = r; o + 2 <= m; o += SAMPLE) {
        const streams: Stream[] = [];
        this.streamsAt(q, o, streams);
        let cost = 0;
        for (const s of streams) cost += s.to - s.from;
        if (cost < bestCost) {
          bestCost = cost;
          best = streams;
          bestO = o;
        }
      }
      if (best) {
        if (bestCost > 0) plan.push({ o: bestO, streams: best });
        continue;
      }
      const o = m - 1;
      const streams: Stream[] = [];
      const a = q.charCodeAt(o);
      const lo = this.lowerBound(a << 16);
      const hi = this.lowerBound(((a << 16) | 0xffff) + 1);
      for (let k = lo; k < hi; k++) this.allStreams(k, streams);
      plan.push({ o, streams });
    }
    let id = 0;
    for (const { o, streams } of plan) for (const s of streams) this.scan(q, o, s, id++, fn);
    return true;
  }

  /** First index whose key is ≥ key (int32 order). */
  private lowerBound(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private scan(q: string, o: number, s: Stream, stream: number, fn: (x: number, stream: number) => void): void {
    const m = q.length;
    const text = this.text;
    const bytes = this.bytes;
    // Most candidates fail far from their bigram: test the query character farthest from it
    // before the full comparison.
    const probe = o + 1 < m - 1 - o ? m - 1 : 0;
    const probeCode = q.charCodeAt(probe);
    let idx = 0;
    for (let c = s.from; c < s.to; ) {
      let v = 0;
      let shift = 0;
      let x: number;
      do {
        x = bytes[c++]!;
        v |= (x & 0x7f) << shift;
        shift += 7;
      } while (x & 0x80);
      idx += v;
      const start = idx * SAMPLE - o;
      if (start >= 0 && text.charCodeAt(start + probe) === probeCode && text.startsWith(q, start)) fn(start, stream);
    }
  }

  byteLength(): number {
    return (
      this.keys.byteLength + this.offsets.byteLength + this.bytes.byteLength + this.subChars.byteLength + this.subOffsets.byteLength
    );
  }
}
