// Local evidence for candidate generation. The vote sums a page's shared fingerprints over the
// whole page, so on a long page a short copied paragraph (30 fingerprints against thousands) is
// out-voted by documents sharing a little everywhere. A dense run of shared, non-formula
// fingerprints is evidence on its own, wherever it sits: every such run names its documents, and
// the matcher aligns them whatever the vote says.

/** Fingerprints a run needs: about 25 shared characters, less than the shortest passage. */
export const LOCAL_MIN = 4;

export interface LocalRegion {
  /** Page span of the run (normalised offsets), and its fingerprint count. */
  start: number;
  end: number;
  hits: number;
}

/** Streams (page position, slot) pairs in increasing page position and keeps, per slot, the runs
 *  of at least LOCAL_MIN consecutive fingerprints: a run breaks at a page fingerprint the
 *  document lacks. Only fingerprints the vote looks at are streamed (very common ones are left
 *  out), so formula wording between two specific fingerprints neither breaks nor makes a run.
 *  O(1) per pair. */
export class LocalRuns {
  private last: Int32Array;
  private start: Int32Array;
  private count: Uint16Array;
  readonly regions = new Map<number, LocalRegion[]>();

  constructor(slots: number) {
    this.last = new Int32Array(slots).fill(-1 << 30);
    this.start = new Int32Array(slots);
    this.count = new Uint16Array(slots);
  }

  /** `ordinal`: the fingerprint's rank among the streamed ones; `p`: its page position. */
  add(slot: number, ordinal: number, p: number, gram: number): void {
    if (ordinal === this.last[slot]) return;
    if (ordinal !== this.last[slot]! + 1) {
      this.start[slot] = p;
      this.count[slot] = 0;
    }
    this.last[slot] = ordinal;
    const k = ++this.count[slot]!;
    if (k < LOCAL_MIN) return;
    let list = this.regions.get(slot);
    if (!list) this.regions.set(slot, (list = []));
    const top = list[list.length - 1];
    if (top && top.start === this.start[slot]) {
      top.end = p + gram;
      top.hits = k;
    } else list.push({ start: this.start[slot]!, end: p + gram, hits: k });
  }

  /** add() for the `m` consecutive ordinals from `ordinal`, at page positions ps[0..m), in one
   *  step: the same state as m calls (a run only grows inside them, so the region's last update
   *  is the one that counts). */
  addRun(slot: number, ordinal: number, ps: readonly number[], m: number, gram: number): void {
    if (m === 1 || ordinal <= this.last[slot]! || this.count[slot]! + m > 0xffff) {
      for (let t = 0; t < m; t++) this.add(slot, ordinal + t, ps[t]!, gram);
      return;
    }
    if (ordinal !== this.last[slot]! + 1) {
      this.start[slot] = ps[0]!;
      this.count[slot] = 0;
    }
    this.last[slot] = ordinal + m - 1;
    const k = this.count[slot]! + m;
    this.count[slot] = k;
    if (k < LOCAL_MIN) return;
    let list = this.regions.get(slot);
    if (!list) this.regions.set(slot, (list = []));
    const top = list[list.length - 1];
    const end = ps[m - 1]! + gram;
    if (top && top.start === this.start[slot]) {
      top.end = end;
      top.hits = k;
    } else list.push({ start: this.start[slot]!, end, hits: k });
  }
}
