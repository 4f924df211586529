// match(), boilerplate() and lookup() over any CorpusBackend, in a few round trips per page:
// (1) the corpus size and the counts of the page's fingerprints, (2) the documents scoring
// highest on the page's vote weights, then the shared engine code on a PrefetchedSource.
// Only the retrieval of candidates can differ from the embedded engine (the backend's scores are
// its own, e.g. single precision); their vote is recomputed here, so the ranking is the same
// whenever the embedded engine's best documents are among the CANDIDATES retrieved.
import { boilerplateOfProfileAsync } from '../boilerplate/boilerplate';
import { NO_HASH, gramHashes, winnow } from '../index/grams';
import { pageEvidence } from '../evidence/annotate';
import { matchProfiled } from '../match/matcher';
import { profilePage, voteWeight, type PageProfile } from '../match/page-profile';
import { resolveSettings, type MatchSettings } from '../match/settings';
import type { LookupOptions } from '../model/engine-api';
import type {
  BoilerplateSpan,
  DatedDoc,
  LookupHit,
  LookupResult,
  MatchOptions,
  MatchResult,
  Passage,
} from '../model/types';
import { spanFingerprints, type PageGramsIndex } from '../evidence/holders';
import { ALSO_IN_MAX } from '../evidence/provenance';
import { normalize, toOriginal, type NormalizedText } from '../text/normalize';
import type { BackendDoc, CorpusBackend, FingerprintCount } from './backend';
import { PrefetchedSource } from './prefetched-source';

/** Documents retrieved per page: the matcher aligns at most 8, two per family. */
export const CANDIDATES = 40;
/** Rounds of fetching holders outside the candidates, and documents fetched per question (the
 *  matcher names at most 64 holders). */
const HOLDER_ROUNDS = 2;
const HOLDER_DOCS = 128;
/** Documents a phrase lookup reads; past that, `total` is a lower bound (totalIsLowerBound). */
export const PHRASE_DOCS = 200;

export interface RemoteAnalysis {
  match: MatchResult;
  boilerplate: BoilerplateSpan[];
}

export async function analyseOver(
  backend: CorpusBackend,
  text: string,
  options?: MatchOptions,
  vote = true,
): Promise<RemoteAnalysis> {
  const n = normalize(text);
  const hashes = gramHashes(n.text);
  const fps = [...new Set(winnow(hashes).map((p) => hashes[p]!))].filter((h) => h !== NO_HASH);
  const live = await backend.count();
  const s = resolveSettings(live, options);
  const counts = fps.length ? await backend.fingerprintCounts(fps) : new Map();
  const weights = new Map<number, number>();
  for (const [h, c] of counts) {
    const w = voteWeight(c.families, live);
    if (w > 0) weights.set(h, w);
  }
  const candidates = vote && weights.size ? await backend.topByWeight(weights, CANDIDATES) : [];
  const { src, prof, match } = await matchWithHolders(backend, text, n, s, live, counts, candidates, vote);
  const boilerplate = await boilerplateOfProfileAsync(text, prof, {
    counts: (phrases, need) =>
      backend.phraseCounts(
        phrases.map((p) => normalize(p).text),
        need,
      ),
    minFamilies: s.boilerplateMinDocs,
    formulaPhrases: s.formulaPhrases,
  });
  // Each formula phrase's first dated use and each passage's provenance are asked together (a
  // backend may send questions asked at the same moment in one request).
  const dated = Promise.all(boilerplate.map(async (b) => ({ ...b, firstSeen: await firstSeenOver(backend, b) })));
  if (!vote) return { match: { candidates: [], passages: [], reuseRatio: 0 }, boilerplate: await dated };
  const g = { n, hashes, winnowed: winnow(hashes) };
  const df = (h: number): number => counts.get(h)?.docs ?? 0;
  const [passages, spans] = await Promise.all([
    Promise.all(match.passages.map(async (p) => ({ ...p, ...(await provenanceOver(backend, g, p, df)) }))),
    dated,
  ]);
  const byId = new Map(src.docsHeld().map((c) => [c.doc.id, c.doc]));
  const evidence = pageEvidence(text, n, passages, options, (id) => byId.get(id));
  return { match: { ...match, passages, ...evidence, selfCopies: [] }, boilerplate: spans };
}

/** The match over the retrieved candidates, then over them and every document the passages' holder
 *  questions found outside them (a holder the vote ranked below the candidates), until no question
 *  finds another: the passages then name the holders the embedded engine names. */
async function matchWithHolders(
  backend: CorpusBackend,
  text: string,
  n: NormalizedText,
  s: MatchSettings,
  live: number,
  counts: Map<number, FingerprintCount>,
  candidates: BackendDoc[],
  vote: boolean,
): Promise<{ src: PrefetchedSource; prof: PageProfile; match: MatchResult }> {
  let pool = candidates;
  for (let round = 0; ; round++) {
    const src = new PrefetchedSource(live, counts, pool);
    const prof = profilePage(src, n, s, vote);
    const match = vote ? matchProfiled(src, text, prof, s) : { candidates: [], passages: [], reuseRatio: 0 };
    if (!src.holderQuestions.length || round >= HOLDER_ROUNDS) return { src, prof, match };
    const known = pool.map((d) => d.doc.id);
    const found = await Promise.all(
      src.holderQuestions.map((q) => backend.docsHolding(q.hashes, q.need, known, HOLDER_DOCS)),
    );
    const more = new Map(found.flat().map((d) => [d.doc.id, d]));
    if (!more.size) return { src, prof, match };
    pool = [...pool, ...more.values()];
  }
}

/** passageProvenance (evidence/provenance.ts) over a backend: the same holders, families and
 *  order, asked of the backend in one call per passage. */
async function provenanceOver(
  backend: CorpusBackend,
  g: PageGramsIndex,
  p: Passage,
  df: (h: number) => number,
): Promise<Pick<Passage, 'origin' | 'alsoIn'>> {
  const fps = spanFingerprints(g, p.start, p.end, df);
  const all = await backend.holdersByDate(fps, Math.ceil(0.5 * fps.length), p.docId, ALSO_IN_MAX + 1);
  const first = all[0];
  return {
    origin: first?.date ? { docId: first.id, date: first.date } : null,
    alsoIn: all
      .filter((d) => d.id !== p.docId)
      .slice(0, ALSO_IN_MAX)
      .map((d) => d.id),
  };
}

async function firstSeenOver(backend: CorpusBackend, b: BoilerplateSpan): Promise<DatedDoc | null> {
  const d = await backend.firstDated(normalize(b.phrase).text);
  return d?.date ? { docId: d.id, date: d.date } : null;
}

export async function matchOver(backend: CorpusBackend, text: string, options?: MatchOptions): Promise<MatchResult> {
  return (await analyseOver(backend, text, options)).match;
}

export async function boilerplateOver(
  backend: CorpusBackend,
  text: string,
  options?: MatchOptions,
): Promise<BoilerplateSpan[]> {
  return (await analyseOver(backend, text, options, false)).boilerplate;
}

/** Added to LookupResult when more documents hold the phrase than were read. */
export interface RemoteLookupResult extends LookupResult {
  totalIsLowerBound?: true;
}

export async function lookupOver(
  backend: CorpusBackend,
  query: string,
  options: LookupOptions = {},
): Promise<RemoteLookupResult> {
  const limit = options.limit ?? 50;
  const ctx = options.contextChars ?? 20;
  const q = normalize(query).text;
  const hits: LookupHit[] = [];
  let total = 0;
  let docs = 0;
  if (!q) return { query, total, docs, hits };
  const found = await backend.phraseDocs(q, Math.max(PHRASE_DOCS, limit));
  for (const { doc } of found.docs) {
    const dn = normalize(doc.body);
    if (dn.text.includes(q)) docs++;
    for (let at = dn.text.indexOf(q); at >= 0; at = dn.text.indexOf(q, at + 1)) {
      total++;
      if (hits.length >= limit) continue;
      const o = toOriginal(dn, at, at + q.length);
      const context = doc.body.slice(Math.max(0, o.start - ctx), Math.min(doc.body.length, o.end + ctx));
      hits.push({ docId: doc.id, title: doc.title, start: o.start, end: o.end, context });
    }
  }
  return found.complete ? { query, total, docs, hits } : { query, total, docs, hits, totalIsLowerBound: true };
}
