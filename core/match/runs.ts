// Exact shared runs between a page and one document (normalised texts): every shared gram seeds
// a run, extended character by character along its diagonal. Grams repeated many times in the
// page are ambiguous and do not seed.
import { GRAM, NO_HASH, gramHashes } from '../index/grams';

export interface Run {
  /** Start in the page's normalised text. */
  p: number;
  /** Start in the document's normalised text. */
  d: number;
  len: number;
}

/** Page-side gram table built once per match: hash → page positions (chained in typed arrays). */
export class PageGrams {
  readonly hashes: Uint32Array;
  private table: Int32Array;
  private next: Int32Array;
  private mask: number;

  constructor(
    readonly text: string,
    blocked?: Uint8Array,
    hashes?: Uint32Array,
  ) {
    this.hashes = hashes ?? gramHashes(text);
    let size = 16;
    while (size < this.hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2).fill(-1);
    this.next = new Int32Array(this.hashes.length).fill(-1);
    // Insert in reverse so chains list positions in increasing order.
    for (let i = this.hashes.length - 1; i >= 0; i--) {
      const h = this.hashes[i]!;
      if (h === NO_HASH) continue;
      if (blocked && blocked[i]) continue;
      let slot = h & this.mask;
      while (this.table[slot * 2]! !== -1 && this.hashes[this.table[slot * 2]!]! !== h) slot = (slot + 1) & this.mask;
      this.next[i] = this.table[slot * 2]!;
      this.table[slot * 2] = i;
      this.table[slot * 2 + 1] = (this.table[slot * 2 + 1] === -1 ? 0 : this.table[slot * 2 + 1]!) + 1;
    }
  }

  /** First page position of the gram, or -1; `count` gives the number of occurrences. */
  first(h: number): number {
    let slot = h & this.mask;
    for (;;) {
      const p = this.table[slot * 2]!;
      if (p === -1) return -1;
      if (this.hashes[p] === h) return p;
      slot = (slot + 1) & this.mask;
    }
  }

  count(h: number): number {
    let slot = h & this.mask;
    for (;;) {
      const p = this.table[slot * 2]!;
      if (p === -1) return 0;
      if (this.hashes[p] === h) return this.table[slot * 2 + 1]!;
      slot = (slot + 1) & this.mask;
    }
  }

  nextOf(p: number): number {
    return this.next[p]!;
  }
}

const MAX_REPEAT = 6;

/** Maximal exact runs (length ≥ GRAM) shared by the page and the document, sorted by page start. */
export function findRuns(page: PageGrams, doc: string): Run[] {
  const P = page.text;
  const dh = gramHashes(doc);
  const diagEnd = new Map<number, number>();
  const runs: Run[] = [];
  for (let j = 0; j < dh.length; j++) {
    const h = dh[j]!;
    if (h === NO_HASH) continue;
    let i = page.first(h);
    if (i < 0) continue;
    if (page.count(h) > MAX_REPEAT) continue;
    for (; i >= 0; i = page.nextOf(i)) {
      const diag = j - i;
      const end = diagEnd.get(diag);
      if (end !== undefined && end > i) continue;
      let len = 0;
      while (i + len < P.length && j + len < doc.length && P.charCodeAt(i + len) === doc.charCodeAt(j + len)) len++;
      if (len < GRAM) continue; // hash collision
      runs.push({ p: i, d: j, len });
      diagEnd.set(diag, i + len);
    }
  }
  runs.sort((a, b) => a.p - b.p || a.d - b.d);
  return runs;
}
