// A MatchSource over the few documents a backend returned for one page: document frequencies
// come from the backend's counts, postings from the candidates' own fingerprints (recomputed
// here from their text, exactly as the index computed them), so the vote over the candidates is
// the embedded engine's vote, summed in the same order in double precision.
import type { MatchSource } from './match-source';
import type { BackendDoc, FingerprintCount } from './backend';
import { fingerprints } from '../index/grams';
import type { CorpusDoc } from '../model/types';
import { normalize, type NormalizedText } from '../text/normalize';

export class PrefetchedSource implements MatchSource {
  private readonly docs: BackendDoc[];
  private readonly norms: NormalizedText[];
  private readonly postings = new Map<number, number[]>();

  constructor(
    readonly live: number,
    private readonly counts: Map<number, FingerprintCount>,
    candidates: BackendDoc[],
  ) {
    // Slot order is corpus order, as in the embedded store (the vote breaks ties by it).
    this.docs = [...candidates].sort((a, b) => a.seq - b.seq);
    this.norms = this.docs.map((d) => normalize(d.doc.body));
    this.norms.forEach((n, slot) => {
      for (const h of fingerprints(n.text)) {
        const list = this.postings.get(h);
        if (list) list.push(slot);
        else this.postings.set(h, [slot]);
      }
    });
  }

  /** Holder questions whose fingerprints some document outside this source also holds. */
  readonly holderQuestions: { hashes: number[]; need: number }[] = [];

  noteHolders(hashes: number[], need: number): void {
    if (hashes.some((h) => (this.postings.get(h)?.length ?? 0) < this.df(h)))
      this.holderQuestions.push({ hashes, need });
  }

  /** The documents this source holds, in slot order. */
  docsHeld(): readonly BackendDoc[] {
    return this.docs;
  }

  get slotCount(): number {
    return this.docs.length;
  }

  df(h: number): number {
    return this.counts.get(h)?.docs ?? 0;
  }

  familyDf(h: number, df: number): number {
    const c = this.counts.get(h);
    return c && c.docs === df ? c.families : df;
  }

  forEachDoc(h: number, fn: (slot: number) => void): void {
    const list = this.postings.get(h);
    if (list) for (const s of list) fn(s);
  }

  familyOf(slot: number): number {
    return this.docs[slot]!.family;
  }

  doc(slot: number): CorpusDoc {
    return this.docs[slot]!.doc;
  }

  normText(slot: number): string {
    return this.norms[slot]!.text;
  }

  norm(slot: number): NormalizedText {
    return this.norms[slot]!;
  }
}
