// The page-wide vote and the local runs, fed the page's fingerprints in page order. A copied
// passage gives a run of consecutive fingerprints held by exactly the same documents (one slot
// list in the index): such a run is read from the index once and counted per document in one
// step, instead of once per fingerprint. Each document's sum gets the same additions in the same
// order, so the vote is the same to the last bit.
import type { MatchSource } from '../backend/match-source';
import { GRAM } from '../index/grams';
import { LocalRuns } from './local-runs';

export class VoteTally {
  private tally: Float64Array;
  private touched: number[] = [];
  readonly local: LocalRuns;
  private streamed = 0;
  /** The run waiting to be counted: its fingerprint (any one), list key, weight and positions. */
  private h = 0;
  private key = -1;
  private w = 0;
  private ps: number[] = [];

  constructor(
    private store: MatchSource,
    private exclude: ReadonlySet<number>,
    slots: number,
  ) {
    this.tally = new Float64Array(slots);
    this.local = new LocalRuns(slots);
  }

  /** Fingerprint h at page position p (ascending) votes with weight w > 0; `key`: its list key
   *  (-1: unknown, counted alone). */
  add(h: number, p: number, w: number, key: number): void {
    if (this.ps.length > 0 && key >= 0 && key === this.key && w === this.w) {
      this.ps.push(p);
      return;
    }
    this.flush();
    this.h = h;
    this.key = key;
    this.w = w;
    this.ps.push(p);
  }

  private flush(): void {
    const m = this.ps.length;
    if (m === 0) return;
    const { tally, touched, local, ps, w, exclude } = this;
    const ordinal = this.streamed;
    this.streamed += m;
    this.store.forEachDoc(this.h, (slot) => {
      if (exclude.has(slot)) return;
      if (tally[slot] === 0) touched.push(slot);
      for (let t = 0; t < m; t++) tally[slot]! += w;
      local.addRun(slot, ordinal, ps, m, GRAM);
    });
    ps.length = 0;
  }

  /** The documents' votes (thousands at 10,000 speeches: kept in the typed array, not a Map). */
  votes(): Votes {
    this.flush();
    const { tally, touched } = this;
    return { slots: touched, get: (slot) => (slot < tally.length ? tally[slot]! : 0) };
  }
}

export interface Votes {
  /** The documents voted for, in the order they were first touched. */
  readonly slots: readonly number[];
  /** A document's vote (0: none). */
  get(slot: number): number;
}
