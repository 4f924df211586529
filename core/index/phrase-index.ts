// Positional postings for phrase lookup over the concatenated corpus text: for every character
// bigram (document separators included, so phrases at a document's edge are found from the
// bigram beside them), the positions ≡ 0 (mod SAMPLE) where it starts, gap-coded (Rice). An occurrence
// of a query at x has its sampled positions at offsets o ≡ -x (mod SAMPLE), so one postings list
// per residue class (the cheapest) names every occurrence exactly once; each candidate is
// verified with startsWith. Frequent bigrams (发展, 社会) have their postings split by the third
// character, so a query holding 社会发 reads only that part: verifying a candidate costs a cache
// miss on the text, and the split keeps formula phrases to a few thousand candidates. Sampling
// keeps the index near 2.4 / SAMPLE bytes per corpus character (SAMPLE 3 with varints cost
// 0.91 bytes a character at 10,000 speeches; 4 with Rice codes 0.60; 5 costs 0.48 but leaves
// four-character phrases on the slow path of reading every bigram that starts with their last
// character).
import type { CorpusChars } from './packed-text';
import { SEP, buildPhrasePostings, ranksBySecond } from './phrase-build';
import { findSorted } from './sorted-search';

export const SAMPLE = 4;
export { SEP };
/** Bigrams with more sampled postings than this are split by their third character (lower and
 *  the per-list overheads outgrow the saving: 512 cost 18 % more bytes, 4096 about 3 %). */
export const SPLIT = 4096;

/** Postings bytes past which a residue class also weighs the bigrams before the query. */
const LONG_LIST = 4096;

/** A run of Rice-coded bytes holding one ascending positions list. */
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
  private splits: Map<number, [number, number]>;
  /** Third character and byte start of each sub-list (its end is the next start, or the bigram's end). */
  private subChars: Uint16Array;
  private subOffsets: Uint32Array;

  /** The text candidates are verified against (the string built from, or its packed copy). */
  private text: CorpusChars;

  constructor(
    text: string,
    split = SPLIT,
    readonly sample = SAMPLE,
    /** See LONG_LIST (tests lower it to weigh every option). */
    readonly longList = LONG_LIST,
  ) {
    this.text = text;
    const built = buildPhrasePostings(text, split, sample);
    this.keys = built.keys;
    this.offsets = built.offsets;
    this.bytes = built.bytes;
    this.splits = built.splits;
    this.subChars = built.subChars;
    this.subOffsets = built.subOffsets;
    const { bySecond, bySecondStart } = ranksBySecond(this.keys);
    this.bySecond = bySecond;
    this.bySecondStart = bySecondStart;
  }

  /** Verifies candidates against `text` from now on: the same text, held another way. */
  readFrom(text: CorpusChars): void {
    if (text.length !== this.text.length) throw new Error('phrase index: another text');
    this.text = text;
  }

  /** Ranks of the bigrams ending with each unit b: bySecond[bySecondStart[b] .. bySecondStart[b + 1]).
   *  A query's residue class that no bigram inside it covers is read from the bigrams ending with
   *  its first character; finding them took a scan of every key (4–8 ms on 300,000 bigrams). */
  private bySecond: Uint32Array;
  private bySecondStart: Uint32Array;

  private rank(a: number, b: number): number {
    return findSorted(this.keys, (a << 16) | b);
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
    this.streamsOfRank(r, o + 2 < q.length ? q.charCodeAt(o + 2) : -1, out);
  }

  /** The lists of bigram rank r whose third character is c (every list when c < 0). */
  private streamsOfRank(r: number, c: number, out: Stream[]): void {
    const split = this.splits.get(r);
    if (!split || c < 0) {
      this.allStreams(r, out);
      return;
    }
    let lo = split[0];
    let hi = split[1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.subChars[mid]!;
      if (k < c) lo = mid + 1;
      else if (k > c) hi = mid - 1;
      else {
        out.push({
          from: this.subOffsets[mid]!,
          to: mid + 1 < split[1] ? this.subOffsets[mid + 1]! : this.offsets[r + 1]!,
        });
        return;
      }
    }
  }

  /** Calls fn(x, stream) for every start x of `q` in the text, each once; x increases within a
   *  stream (one postings list). Returns false, calling nothing, when q is too short for the
   *  sampling (fewer than SAMPLE - 1 characters). `skip`, asked of each candidate start before it
   *  is verified, leaves out the candidates it returns true for, unverified and unreported: a
   *  count of documents skips those of documents it already holds, since verifying a candidate
   *  (a read at a random place of the text) is most of a lookup's cost. */
  forEachOccurrence(q: string, fn: (x: number, stream: number) => unknown, skip?: (x: number) => boolean): boolean {
    const m = q.length;
    const SAMPLE = this.sample;
    if (m < SAMPLE - 1 || m < 2) return false;
    // One offset per residue class, the one with the fewest postings bytes. A class with no
    // whole bigram inside q (only when m <= SAMPLE) reads every bigram starting with q's last
    // character (offset m - 1) or every bigram ending with its first (offset -1, narrowed by
    // q[1] where split), the cheaper of those that fall in the class.
    const plan: { o: number; streams: Stream[]; cost: number }[] = [];
    const costOf = (streams: Stream[]): number => {
      let cost = 0;
      for (const st of streams) cost += st.to - st.from;
      return cost;
    };
    for (let r = 0; r < SAMPLE; r++) {
      let best: Stream[] | null = null;
      let bestO = -1;
      let bestCost = Infinity;
      const inside = r + 2 <= m;
      const consider = (o: number, streams: Stream[]): void => {
        const cost = costOf(streams);
        if (cost < bestCost) {
          bestCost = cost;
          best = streams;
          bestO = o;
        }
      };
      for (let o = r; o + 2 <= m; o += SAMPLE) {
        const streams: Stream[] = [];
        this.streamsAt(q, o, streams);
        consider(o, streams);
      }
      // The bigrams ending with q's first character, narrowed by q[1] where split: the only
      // option when the class has no whole bigram inside q, and often cheaper than a long list
      // (发展 of 高质量发展, which no third character narrows). Gathering them costs ~0.1 ms for
      // a common character, so it is weighed only against lists longer than LONG_LIST bytes.
      if (r === SAMPLE - 1 && (!inside || bestCost > this.longList)) {
        const streams: Stream[] = [];
        const b = q.charCodeAt(0);
        const c = q.charCodeAt(1);
        for (let i = this.bySecondStart[b]!; i < this.bySecondStart[b + 1]!; i++)
          this.streamsOfRank(this.bySecond[i]!, c, streams);
        consider(-1, streams);
      }
      if (!inside && (m - 1) % SAMPLE === r) {
        const streams: Stream[] = [];
        const a = q.charCodeAt(m - 1);
        const lo = this.lowerBound(a << 16);
        const hi = this.lowerBound(((a << 16) | 0xffff) + 1);
        for (let k = lo; k < hi; k++) this.allStreams(k, streams);
        consider(m - 1, streams);
      }
      if (!best) throw new Error('phrase index: residue class without postings');
      if (bestCost > 0) plan.push({ o: bestO, streams: best, cost: bestCost });
    }
    // Cheapest class first: a count that stops early (fn returning true) may never read the dear
    // one (a three-character phrase ending in 的 reads every bigram starting with 的).
    plan.sort((a, b) => a.cost - b.cost);
    let id = 0;
    // fn returning true (exactly) stops the search (a count that only needs to reach a number).
    for (const { o, streams } of plan) for (const s of streams) if (this.scan(q, o, s, id++, fn, skip)) return true;
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

  /** True when fn asked to stop. */
  private scan(
    q: string,
    o: number,
    s: Stream,
    stream: number,
    fn: (x: number, stream: number) => unknown,
    skip?: (x: number) => boolean,
  ): boolean {
    const m = q.length;
    const SAMPLE = this.sample;
    const text = this.text;
    const bytes = this.bytes;
    // Most candidates fail far from their bigram: test the query character farthest from it
    // before the full comparison.
    const probe = o + 1 < m - 1 - o ? m - 1 : 0;
    const probeCode = q.charCodeAt(probe);
    // A packed text locates a character by decoding up to 7 codes: it compares the whole
    // encoded query at once instead of probing one character first.
    const plain = typeof text === 'string';
    let idx = 0;
    const k = bytes[s.from]!;
    const end = s.to * 8;
    let pos = s.from * 8 + 8;
    while (pos < end) {
      // Unary part: zeros up to the next one bit (none before the end: only padding is left).
      const one = nextOneBit(bytes, pos, end);
      if (one < 0) return false;
      let v = one - pos;
      pos = one + 1;
      for (let need = k; need > 0;) {
        const avail = 8 - (pos & 7);
        const take = avail < need ? avail : need;
        v = v * (1 << take) + ((bytes[pos >>> 3]! >>> (avail - take)) & ((1 << take) - 1));
        pos += take;
        need -= take;
      }
      idx += v;
      const start = idx * SAMPLE - o;
      if (
        start >= 0 &&
        !skip?.(start) &&
        (!plain || text.charCodeAt(start + probe) === probeCode) &&
        text.startsWith(q, start) &&
        fn(start, stream) === true
      )
        return true;
    }
    return false;
  }

  byteLength(): number {
    return (
      this.keys.byteLength +
      this.offsets.byteLength +
      this.bytes.byteLength +
      this.subChars.byteLength +
      this.subOffsets.byteLength +
      this.bySecond.byteLength +
      this.bySecondStart.byteLength
    );
  }
}

/** Bit position of the first one bit at or after bit `pos` of `bytes`, or -1 when there is none
 *  before `end`. Bit positions pass 2^31 once the postings pass 256 MB (about 450 M corpus
 *  characters at SAMPLE 4): they are kept as plain numbers, never shifted left, which wrapped them
 *  negative and looped for good (found at 100,000 speeches). `>>> 3` stays exact below 2^32 bits,
 *  the bound PostingsWriter enforces. */
export function nextOneBit(bytes: ArrayLike<number>, pos: number, end: number): number {
  let byteI = pos >>> 3;
  let cur = (bytes[byteI]! << (pos & 7)) & 0xff;
  while (cur === 0) {
    byteI++;
    pos = byteI * 8;
    if (pos >= end) return -1;
    cur = bytes[byteI]!;
  }
  return pos + Math.clz32(cur) - 24;
}
