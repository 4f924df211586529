// What match() and boilerplate() read of a corpus, synchronously: document counts per fingerprint
// (and per family of near-duplicates), the documents holding a fingerprint (for the vote), and the
// texts of the documents aligned. The embedded CorpusStore answers from its own index; a remote
// backend answers from a PrefetchedSource filled in a few requests per page (remote-analyse.ts).
// Slots are small integers naming documents; their order is corpus order (ties in the vote go to
// the earlier slot), so both sources must number documents in the order they were added.
import type { CorpusDoc } from '../model/types';
import type { NormalizedText } from '../text/normalize';

export interface MatchSource {
  /** Live documents in the corpus. */
  readonly live: number;
  /** One past the largest slot number. */
  readonly slotCount: number;
  /** Live documents holding fingerprint h. */
  df(h: number): number;
  /** Families of near-duplicates holding h, given df(h) (see index/families.ts). */
  familyDf(h: number, df: number): number;
  /** Optional: an id shared by fingerprints held by exactly the same slots, or -1 when unknown
   *  (the vote then reads such fingerprints' slots once per run of them instead of each time). */
  listKey?(h: number): number;
  /** Every live slot holding h, in slot order. Only the vote reads it. */
  forEachDoc(h: number, fn: (slot: number) => void): void;
  /** Optional: told which fingerprints a passage's holders are named from (one hash per probe)
   *  and how many of them a holder must hold. A source that holds only some of the corpus's
   *  documents records it, so that the holders it lacks can be fetched (remote-analyse.ts). */
  noteHolders?(hashes: number[], need: number): void;
  familyOf(slot: number): number;
  doc(slot: number): CorpusDoc;
  normText(slot: number): string;
  norm(slot: number): NormalizedText;
}
