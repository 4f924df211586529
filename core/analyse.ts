// match() and boilerplate() of one page over the embedded store, with the evidence over them; and
// the same for a store whose documents may be lazy (extension/background): the candidates' texts
// are read from storage between profiling the page and aligning it, and the first holders of
// formula phrases (which need lookup's text of the whole corpus) can be left for later.
import { boilerplateOfProfile } from './boilerplate/boilerplate';
import { annotateBoilerplate, annotateMatch, selfCopySlots } from './evidence/annotate';
import { pageGrams } from './evidence/holders';
import type { CorpusStore } from './index/corpus-store';
import { bodyMissing, MissingBodyError } from './index/lazy-body';
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
  /** Runs fn as a dry run and names the documents whose bodies it found missing (lazy-body.ts
   *  collectMissing): other holders of a passage are checked against their text too. */
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
  const g = pageGrams(prof.n);
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

/** analyseWith('both') reading the candidates' bodies first. If the corpus changed while they
 *  were read (a document found gone is removed), the page is profiled again. */
export async function analyseLoading(
  store: CorpusStore,
  text: string,
  options: MatchOptions | undefined,
  how: LoadingOptions,
): Promise<LoadedAnalysis> {
  for (let attempt = 0; ; attempt++) {
    const p = profiled(store, text, options, 'both');
    const version = store.version;
    const defer = !!how.deferFirstSeen && !store.textReady;
    const run = () => finish(store, text, options, 'both', p, !defer);
    const missing = missingCandidates(store, p.prof);
    if (missing.length > 0) await how.load(missing);
    let parts = store.version === version ? orMissing(run) : null;
    if (!parts && store.version === version) {
      // Other documents were read too (a passage's other holders): a dry run names them all.
      await how.load(how.collect(run));
      if (store.version === version) parts = run();
    }
    if (!parts && attempt < 3) continue; // a document left meanwhile: profile again
    parts ??= run();
    return defer && parts.boilerplate.length > 0 ? { ...parts, firstSeenPending: true } : parts;
  }
}

function orMissing(run: () => Parts): Parts | null {
  try {
    return run();
  } catch (err) {
    if (err instanceof MissingBodyError) return null;
    throw err;
  }
}
