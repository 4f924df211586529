// Families of near-duplicate documents: the same speech reposted on several sites, a speech and
// its Traditional copy, a user's saved copy of a bundled text. Document frequency counts families,
// not documents: otherwise three copies of a source cut each shared character's evidence to a
// third (below the passage bar) and five turn the whole speech into "formula", so a page copied
// from a well-reposted speech looked original. Linking is by containment of fingerprints: two
// documents are one family when the smaller shares at least LINK of its fingerprints with the
// other. Families are union-find labels; a label stays valid after its document is removed.
import type { FingerprintIndex } from './fingerprint-index';

/** Share of the smaller document's fingerprints the two must have in common. */
export const LINK = 0.5;
/** Fingerprints in more documents than this are not used for linking (nor counted by family):
 *  a passage reposted more often than this is treated by document counts. */
export const FAMILY_CAP = 64;
/** Documents with fewer fingerprints (about 200 characters) are never linked: a short note that
 *  quotes one paragraph is not a copy of the speech. */
const MIN_FPS = 40;

export class Families {
  /** Label per slot (the slot itself when alone). */
  private parent: number[] = [];
  /** True once any two documents were linked (until then family counts equal document counts). */
  linked = false;

  addSlot(slot: number): void {
    while (this.parent.length <= slot) this.parent.push(this.parent.length);
  }

  of(slot: number): number {
    let r = slot;
    while (this.parent[r] !== r) r = this.parent[r]!;
    // Path compression keeps later lookups O(1).
    let s = slot;
    while (this.parent[s] !== r) {
      const next = this.parent[s]!;
      this.parent[s] = r;
      s = next;
    }
    return r;
  }

  private union(a: number, b: number): void {
    const ra = this.of(a);
    const rb = this.of(b);
    if (ra === rb) return;
    // The older slot stays the label, so labels do not depend on the order of linking.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    this.linked = true;
  }

  /** Links `slot` (whose distinct fingerprints are fps) with every indexed document it nearly duplicates. */
  link(index: FingerprintIndex, slot: number, fps: Uint32Array, fpCount: (slot: number) => number, tally: Float64Array): void {
    if (fps.length < MIN_FPS) return;
    const touched: number[] = [];
    for (let i = 0; i < fps.length; i++) {
      const h = fps[i]!;
      const df = index.df(h);
      if (df < 2 || df > FAMILY_CAP) continue;
      index.forEach(h, (s) => {
        if (s === slot) return;
        if (tally[s] === 0) touched.push(s);
        tally[s]!++;
      });
    }
    for (const s of touched) {
      const other = fpCount(s);
      if (other >= MIN_FPS && tally[s]! >= LINK * Math.min(fps.length, other)) this.union(slot, s);
      tally[s] = 0;
    }
  }

  /** Labels per slot, for a snapshot (null when nothing is linked). */
  toJSON(): number[] | null {
    if (!this.linked) return null;
    return this.parent.map((_, s) => this.of(s));
  }

  static fromJSON(labels: number[] | null | undefined, slots: number): Families {
    const f = new Families();
    f.addSlot(slots - 1);
    // Labels must point at roots (a label of itself); anything else is ignored, never looped on.
    const valid = !!labels && labels.length === slots && labels.every((l) => Number.isInteger(l) && l >= 0 && l < slots && labels[l] === l);
    if (valid) {
      labels.forEach((l, s) => (f.parent[s] = l));
      f.linked = labels.some((l, s) => l !== s);
    }
    return f;
  }
}
