// match() and boilerplate() of one page over the embedded store, with the evidence over them; and
// the same for a store whose documents may be lazy (extension/background): the candidates' texts
// are read from storage between profiling the page and aligning it, and the first holders of
// formula phrases (which need lookup's text of the whole corpus) can be left for later.
import { boilerplateOfProfile } from './boilerplate/boilerplate';
import { annotateBoilerplate, annotateMatch, selfCopySlots } from './evidence/annotate';
import { pageGrams } from './evidence/holders';
import type { CorpusStore } from './index/corpus-store';
import { bodyMissing } from './index/lazy-body';
import { chooseCandidates } from './match/candidates';
import { matchProfiled } from './match/matcher';
import { profilePage, type PageProfile } from './match/page-profile';
import { resolveSettings, type MatchSettings } from './match/settings';
import type { BoilerplateSpan, MatchOptions, MatchResult } from './model/types';
import { normalize } from './text/normalize';
import { holderCount, phraseCount, phraseHolders } from './lookup/lookup';

export type Want = 'match' | 'boilerplate' | 'both';
export type Parts = { match: MatchResult; boilerplate: BoilerplateSpan[] };

/** What analyseLoading returns: `firstSeenPending` when the spans' firstSeen was left out. */
export type LoadedAnalysis = Parts & { firstSeenPending?: true };

export interface LoadingOptions {
  /** Reads these documents' bodies from storage (a document no longer stored is removed). */
  load(ids: string[]): Promise<void>;
  /** Runs fn with missing bodies read as empty text and names the documents whose bodies it
   *  found missing (lazy-body.ts collectMissing): when it names none, fn's result is exact. */
  collect(fn: () => unknown): string[];
  /** Leave out firstSeen when lookup's text is not built yet (building it reads every body). */
  deferFirstSeen?: boolean;
}

interface Profiled {
  exclude: Set<number>;
  s: MatchSettings;
  prof: PageProfile;
}

function profiled(store: CorpusStore, text: string, options: MatchOptions | undefined, want: Want): Profiled {
  store.linkFamilies();
  const exclude = selfCopySlots(store, options);
  const s = { ...resolveSettings(store.live, options), exclude };
  return { exclude, s, prof: profilePage(store, normalize(text), s, want !== 'boilerplate') };
}

function finish(
  store: CorpusStore,
  text: string,
  options: MatchOptions | undefined,
  want: Want,
  { exclude, s, prof }: Profiled,
  firstSeen = true,
): Parts {
  const g = pageGrams(prof.n, prof.hashes, prof.dfAt);
  const empty: MatchResult = { candidates: [], passages: [], reuseRatio: 0 };
  // Whole-phrase holders (lookup's text), found once per phrase for its count and first holder;
  // when lookup's text is not to be built yet (firstSeen deferred), the formula marks alone.
  const held = new Map<string, Set<number>>();
  const holders = (phrase: string) => {
    let h = held.get(phrase);
    if (!h) held.set(phrase, (h = phraseHolders(store, phrase)));
    return h;
  };
  const oracle = firstSeen
    ? {
        count: (phrase: string, need?: number) =>
          need === undefined ? holderCount(store, holders(phrase), exclude) : phraseCount(store, phrase, exclude, need),
        minFamilies: s.boilerplateMinDocs,
        formulaPhrases: s.formulaPhrases,
      }
    : undefined;
  const spans = want === 'match' ? [] : boilerplateOfProfile(text, prof, oracle);
  return {
    match:
      want === 'boilerplate'
        ? empty
        : annotateMatch(store, text, g, matchProfiled(store, text, prof, s), options, exclude),
    boilerplate: firstSeen ? annotateBoilerplate(store, spans, exclude, holders) : spans,
  };
}

/** Match and/or boilerplate with the evidence over them, the page's own saved copies left out. */
export function analyseWith(store: CorpusStore, text: string, options: MatchOptions | undefined, want: Want): Parts {
  return finish(store, text, options, want, profiled(store, text, options, want));
}

/** Ids of the documents the page would be aligned with whose bodies are not loaded. */
function missingCandidates(store: CorpusStore, prof: PageProfile): string[] {
  const out: string[] = [];
  for (const { slot } of chooseCandidates(store, prof)) {
    const d = store.docs[slot];
    if (d && bodyMissing(d)) out.push(d.id);
  }
  return out;
}

/** Most passages one page's analysis makes: each reads the bodies the one before found missing
 *  (a passage's other holders are known only once the candidates' texts are aligned). */
const MAX_PASSES = 4;

/** Reads `missing` (one call: one storage transaction), then analyses with any body still missing
 *  read as empty text: when none was, that pass is the answer; otherwise the bodies it named are
 *  read and it runs again. Null when the corpus changed while bodies were read. */
async function loadedPasses(
  store: CorpusStore,
  run: () => Parts,
  missing: string[],
  how: LoadingOptions,
): Promise<Parts | null> {
  const version = store.version;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (missing.length > 0) await how.load(missing);
    if (store.version !== version) return null;
    let parts: Parts | undefined;
    missing = how.collect(() => (parts = run()));
    if (missing.length === 0 && parts) return parts;
  }
  // Still missing after as many reads (bodies evicted meanwhile): the caller's MissingBodyError
  // retry takes over.
  return run();
}

/** analyseWith('both') reading the bodies it needs first: the candidates' (known from the page's
 *  profile), then those one pass finds missing. If the corpus changed while they were read (a
 *  document found gone is removed), the page is profiled again. */
export async function analyseLoading(
  store: CorpusStore,
  text: string,
  options: MatchOptions | undefined,
  how: LoadingOptions,
): Promise<LoadedAnalysis> {
  for (let attempt = 0; ; attempt++) {
    const p = profiled(store, text, options, 'both');
    const defer = !!how.deferFirstSeen && !store.textReady;
    const run = () => finish(store, text, options, 'both', p, !defer);
    let parts = await loadedPasses(store, run, missingCandidates(store, p.prof), how);
    if (!parts && attempt < 3) continue; // a document left meanwhile: profile again
    parts ??= run();
    return defer && parts.boilerplate.length > 0 ? { ...parts, firstSeenPending: true } : parts;
  }
}
