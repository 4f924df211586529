// What the index says about a page: its winnowed fingerprints, which of its characters sit in
// formulaic phrasing (fingerprints used by ≥ boilerplateMinDocs documents, or user formula
// phrases), and a rarity-weighted vote per document for choosing whom to align against.
import type { MatchSource } from '../backend/match-source';
import { GRAM, NO_HASH, gramHashes, winnow } from '../index/grams';
import type { NormalizedText } from '../text/normalize';
import type { LocalRegion } from './local-runs';
import { phraseMask } from './phrase-mask';
import type { MatchSettings } from './settings';
import { VoteTally, type Votes } from './vote';

export interface PageProfile {
  n: NormalizedText;
  hashes: Uint32Array;
  /** 1 where a character is ignored by the user. */
  ignored: Uint8Array;
  /** 1 where a gram overlaps an ignored character (it must not seed). */
  blockedGrams: Uint8Array;
  /** 1 where a character belongs to formulaic phrasing. */
  formula: Uint8Array;
  /** Document frequency of the rarest formula fingerprint covering each formula character. */
  formulaDf: Uint32Array;
  /** Smallest family count (near-duplicate documents counted once, see families.ts) of the
   *  fingerprints covering each character (0: none known). */
  rarity: Uint32Array;
  votes: Votes;
  /** Dense runs of shared fingerprints, per document slot (local evidence). */
  local: Map<number, LocalRegion[]>;
  /** The page's winnowed fingerprints held by some document: gram position (ascending) and the
   *  number of documents holding it. */
  fpPos: Int32Array;
  fpDocs: Uint32Array;
  /** Per gram position, the documents holding its fingerprint (the source's df, before any
   *  exclusion) where the profile asked, else -1: the evidence layer reads it instead of asking
   *  the index again. */
  dfAt: Int32Array;
}

export function profilePage(store: MatchSource, n: NormalizedText, s: MatchSettings, vote = true): PageProfile {
  const P = n.text;
  const ignored = phraseMask(P, s.ignorePhrases);
  const formula = phraseMask(P, s.formulaPhrases);
  const formulaDf = new Uint32Array(P.length);
  const hashes = gramHashes(P);
  const blockedGrams = new Uint8Array(hashes.length);
  if (s.ignorePhrases.length)
    for (let i = 0; i < hashes.length; i++) for (let t = 0; t < GRAM; t++) if (ignored[i + t]) blockedGrams[i] = 1;
  const rarity = new Uint32Array(P.length);
  const tally = new VoteTally(store, s.exclude, vote ? store.slotCount : 0);
  // Family counts by list key: a copied passage's fingerprints share one slot list.
  const families = new Map<number, number>();
  const fpPos: number[] = [];
  const fpDocs: number[] = [];
  const dfAt = new Int32Array(hashes.length).fill(-1);
  for (const p of winnow(hashes)) {
    const h = hashes[p]!;
    if (h === NO_HASH || blockedGrams[p]) continue;
    let docs = store.df(h);
    dfAt[p] = docs;
    if (docs === 0) continue;
    fpPos.push(p);
    const key = store.listKey?.(h) ?? -1;
    let df = key >= 0 ? families.get(key) : undefined;
    if (df === undefined) {
      df = store.familyDf(h, docs);
      if (key >= 0) families.set(key, df);
    }
    if (s.exclude.size) {
      const own = excludedHolders(store, h, s.exclude);
      docs -= own.docs;
      df -= own.families;
      if (docs <= 0 || df <= 0) {
        fpPos.pop();
        continue;
      }
    }
    fpDocs.push(docs);
    for (let t = p; t < p + GRAM; t++) if (rarity[t] === 0 || df < rarity[t]!) rarity[t] = df;
    if (df >= s.boilerplateMinDocs)
      for (let t = p; t < p + GRAM; t++) {
        formula[t] = 1;
        if (formulaDf[t]! === 0 || docs < formulaDf[t]!) formulaDf[t] = docs;
      }
    const w = vote ? voteWeight(df, store.live) : 0;
    if (w > 0) tally.add(h, p, w, key);
  }
  const votes = tally.votes();
  return {
    n,
    hashes,
    ignored,
    blockedGrams,
    formula,
    formulaDf,
    rarity,
    votes,
    local: tally.local.regions,
    fpPos: Int32Array.from(fpPos),
    fpDocs: Uint32Array.from(fpDocs),
    dfAt,
  };
}

/** How many of a fingerprint's holders are excluded slots, and how many families that removes (an
 *  excluded copy linked to a kept document leaves its family counted). */
function excludedHolders(store: MatchSource, h: number, exclude: ReadonlySet<number>) {
  let docs = 0;
  const kept = new Set<number>();
  const gone = new Set<number>();
  store.forEachDoc(h, (slot) => {
    const f = store.familyOf(slot);
    if (exclude.has(slot)) {
      docs++;
      gone.add(f);
    } else kept.add(f);
  });
  let families = 0;
  for (const f of gone) if (!kept.has(f)) families++;
  return { docs, families };
}

/** A fingerprint's weight in the vote, from its family count: rarer wording weighs more, and
 *  fingerprints in more than max(50, 2 % of the corpus) documents (0) cannot tell sources apart
 *  and would drag the vote through much of the corpus. */
export function voteWeight(df: number, live: number): number {
  const N = Math.max(1, live);
  if (df === 0 || df > Math.max(50, Math.ceil(N * 0.02))) return 0;
  return Math.log(1 + N / df);
}
