// Families of near-duplicate documents: the same speech reposted on several sites, a speech and
// its Traditional copy, a user's saved copy of a bundled text. Document frequency counts families,
// not documents: otherwise three copies of a source cut each shared character's evidence to a
// third (below the passage bar) and five turn the whole speech into "formula", so a page copied
// from a well-reposted speech looked original. Linking is by containment: two documents are one
// family when the smaller shares at least LINK of its fingerprints with the other, estimated on a
// sketch (the fingerprints whose mixed hash falls in one eighth of the range; the same ones in
// every document, so shared fingerprints are sampled alike). The sketch keeps linking to about a
// second at 10,000 speeches, where every fingerprint cost 17 s. Families are union-find labels; a
// label stays valid after its document is removed.
import type { FingerprintIndex } from './fingerprint-index';

/** Share of the smaller document's fingerprints the two must have in common. */
export const LINK = 0.5;
/** Fingerprints in more documents than this are not used for linking (nor counted by family):
 *  a passage reposted more often than this is treated by document counts. */
export const FAMILY_CAP = 64;
/** Documents with a smaller sketch (about 350 characters) are never linked: a short note that
 *  quotes one paragraph is not a copy of the speech. */
export const MIN_SKETCH = 10;

/** The fingerprints of the sketch: one in eight, chosen by a mix of the hash (winnowed hashes
 *  are window minima, so their own low bits are not used directly). */
export function sketchOf(fps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < fps.length; i++) if (Math.imul(fps[i]!, 0x9e3779b1) >>> 29 === 0) out.push(fps[i]!);
  return out;
}

export interface FamiliesJson {
  labels: number[] | null;
  sketchSizes: number[];
}

export class Families {
  /** Label per slot (the slot itself when alone). */
  private parent: number[] = [];
  /** Sketch size per slot (0: unknown, never linked from that side). */
  private sizes: number[] = [];
  /** True once any two documents were linked (until then family counts equal document counts). */
  linked = false;

  addSlot(slot: number): void {
    while (this.parent.length <= slot) {
      this.parent.push(this.parent.length);
      this.sizes.push(0);
    }
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

  /** Links each new document (slot → its distinct fingerprints) with every indexed document it
   *  nearly duplicates. All sketch sizes are set first, so documents of one batch link too. */
  link(index: FingerprintIndex, added: Map<number, Uint32Array>): void {
    const sketches = new Map<number, number[]>();
    for (const [slot, fps] of added) {
      const sk = sketchOf(fps);
      sketches.set(slot, sk);
      this.sizes[slot] = sk.length;
    }
    for (const [slot, sk] of sketches) {
      if (sk.length < MIN_SKETCH) continue;
      index.tallyShared(sk, FAMILY_CAP, (s, n) => {
        const other = this.sizes[s] ?? 0;
        if (s !== slot && other >= MIN_SKETCH && n >= LINK * Math.min(sk.length, other)) this.union(slot, s);
      });
    }
  }

  toJSON(): FamiliesJson {
    return { labels: this.linked ? this.parent.map((_, s) => this.of(s)) : null, sketchSizes: [...this.sizes] };
  }

  static fromJSON(j: FamiliesJson | null | undefined, slots: number): Families {
    const f = new Families();
    if (slots > 0) f.addSlot(slots - 1);
    const sizes = j?.sketchSizes;
    if (Array.isArray(sizes) && sizes.length === slots && sizes.every((n) => Number.isInteger(n) && n >= 0))
      f.sizes = [...sizes];
    // Labels must point at roots (a label of itself); anything else is ignored, never looped on.
    const labels = j?.labels;
    const valid =
      Array.isArray(labels) &&
      labels.length === slots &&
      labels.every((l) => Number.isInteger(l) && l >= 0 && l < slots && labels[l] === l);
    if (valid) {
      labels.forEach((l, s) => (f.parent[s] = l));
      f.linked = labels.some((l, s) => l !== s);
    }
    return f;
  }
}
