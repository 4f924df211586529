// The seam between the engine and where a corpus lives. A backend answers four questions about
// its documents: how many there are, how many documents (and families) hold each fingerprint,
// which documents score highest on a weighted set of fingerprints (candidate retrieval), which
// documents may contain a phrase, and how many documents and families hold a phrase. Everything that decides an answer (the vote, alignment,
// diff, boilerplate spans, phrase verification and offsets) stays in the shared engine code,
// so every backend gives the same answers. The embedded index implements it in
// embedded-backend.ts; OpenSearch in cli/opensearch/backend.ts.
import type { PhraseCount } from '../boilerplate/boilerplate';
import type { CorpusDoc } from '../model/types';

export interface FingerprintCount {
  /** Live documents holding the fingerprint. */
  docs: number;
  /** Families holding it; equal to docs when docs < 2 or docs > FAMILY_CAP. */
  families: number;
}

export interface BackendDoc {
  doc: CorpusDoc;
  /** Corpus order: documents added later have larger numbers. */
  seq: number;
  /** Family label (the seq of its oldest member; its own seq when alone). */
  family: number;
}

export interface PhraseDocs {
  /** Documents whose normalised text contains the phrase (a superset is allowed), in seq order. */
  docs: BackendDoc[];
  /** False when more documents contain it than were returned. */
  complete: boolean;
}

/** A document as provenance orders it. */
export interface DocRef {
  id: string;
  date?: string;
  seq: number;
}

export interface CorpusBackend {
  count(): Promise<number>;
  /** Counts for each of the fingerprints; a fingerprint in no document may be left out. */
  fingerprintCounts(hashes: number[]): Promise<Map<number, FingerprintCount>>;
  /** The `size` documents with the largest sum of weights over the fingerprints they hold. */
  topByWeight(weights: Map<number, number>, size: number): Promise<BackendDoc[]>;
  /** Documents holding the normalised phrase q, at most `max`, in seq order. */
  phraseDocs(q: string, max: number): Promise<PhraseDocs>;
  /** For each normalised phrase (two characters or more), the live documents and families holding
   *  it exactly: lookup's `docs` and the embedded engine's count. With `need`, a count whose
   *  families reach `need` may stop there (families ≥ need, docs then a lower bound); below `need`
   *  it is the whole count. `whole` marks a count that is whole although `need` was given. */
  phraseCounts(qs: string[], need?: number): Promise<(PhraseCount & { whole?: boolean })[]>;
  get(id: string): Promise<CorpusDoc | undefined>;
  /** Documents holding at least `min` of the fingerprints (a hash listed twice counts twice),
   *  leaving out the ids in `except`, in seq order, at most `max`. */
  docsHolding(hashes: number[], min: number, except: string[], max: number): Promise<BackendDoc[]>;
  /** Provenance of a passage (evidence/provenance.ts): the documents holding at least `min` of
   *  the fingerprints (a hash listed twice counts twice), the document `sourceId`, and every
   *  live member of their families, ordered by date (undated last, partial ISO dates compared as
   *  strings), then seq; the first `max`. */
  holdersByDate(hashes: number[], min: number, sourceId: string, max: number): Promise<DocRef[]>;
  /** The earliest dated document holding the normalised phrase q (ties: the smaller seq). */
  firstDated(q: string): Promise<DocRef | null>;
}
