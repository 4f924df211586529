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

  /** Table slot of the gram, or -1 when the page lacks it (one probe for first and count). */
  slotOf(h: number): number {
    let slot = h & this.mask;
    for (;;) {
      const p = this.table[slot * 2]!;
      if (p === -1) return -1;
      if (this.hashes[p] === h) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  firstAt(slot: number): number {
    return this.table[slot * 2]!;
  }

  countAt(slot: number): number {
    return this.table[slot * 2 + 1]!;
  }

  nextOf(p: number): number {
    return this.next[p]!;
  }
}

/** Grams repeated more often in the page do not seed. A page that repeats a speech (a repost, a
 *  seven-fold paste) still seeds every copy; only phrases repeated dozens of times are left out,
 *  and the diagonal check keeps the work linear in the repeats. */
const MAX_REPEAT = 64;

/** Maximal exact runs (length ≥ GRAM) shared by the page and the document, sorted by page start. */
export function findRuns(page: PageGrams, doc: string): Run[] {
  const P = page.text;
  const dh = gramHashes(doc);
  // End (page position) of the last run per diagonal j - i, offset by the page length; 0: none.
  const diagEnd = new Int32Array(P.length + doc.length + 1);
  const runs: Run[] = [];
  for (let j = 0; j < dh.length; j++) {
    const h = dh[j]!;
    if (h === NO_HASH) continue;
    const slot = page.slotOf(h);
    if (slot < 0 || page.countAt(slot) > MAX_REPEAT) continue;
    for (let i = page.firstAt(slot); i >= 0; i = page.nextOf(i)) {
      const diag = j - i + P.length;
      if (diagEnd[diag]! > i) continue;
      let len = 0;
      while (i + len < P.length && j + len < doc.length && P.charCodeAt(i + len) === doc.charCodeAt(j + len)) len++;
      if (len < GRAM) continue; // hash collision
      runs.push({ p: i, d: j, len });
      diagEnd[diag] = i + len;
    }
  }
  runs.sort((a, b) => a.p - b.p || a.d - b.d);
  return runs;
}

/** Occurrences of an anchor gram looked up in the document (a phrase repeated in it). */
const ANCHOR_HITS = 4;

/** Exact runs through the given page gram positions only (the fingerprints of a document's local
 *  runs): each anchor gram is found in the document with indexOf and extended both ways. Far
 *  cheaper than findRuns on a long document aligned for one paragraph. */
export function findRunsAt(page: PageGrams, doc: string, anchors: ArrayLike<number>): Run[] {
  const P = page.text;
  const diagEnd = new Map<number, number>();
  const runs: Run[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const p = anchors[k]!;
    const gram = P.slice(p, p + GRAM);
    let hits = 0;
    for (let d = doc.indexOf(gram); d >= 0 && hits < ANCHOR_HITS; d = doc.indexOf(gram, d + 1), hits++) {
      if ((diagEnd.get(d - p) ?? -1) > p) continue;
      let back = 0;
      while (p - back > 0 && d - back > 0 && P.charCodeAt(p - back - 1) === doc.charCodeAt(d - back - 1)) back++;
      let len = back + GRAM;
      while (
        p - back + len < P.length &&
        d - back + len < doc.length &&
        P.charCodeAt(p - back + len) === doc.charCodeAt(d - back + len)
      )
        len++;
      runs.push({ p: p - back, d: d - back, len });
      diagEnd.set(d - p, p - back + len);
    }
  }
  runs.sort((a, b) => a.p - b.p || a.d - b.d);
  return runs;
}
