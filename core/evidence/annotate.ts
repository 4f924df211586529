// The evidence layer over a comparison: the page's own date and place, each passage's origin and
// other holders, each formula phrase's first holder, and the leftovers. Runs after matching, on
// its results; it adds fields and never changes what was matched.
import type { CorpusStore } from '../index/corpus-store';
import type { BoilerplateSpan, CorpusDoc, MatchOptions, MatchResult, Passage } from '../model/types';
import type { NormalizedText } from '../text/normalize';
import { withPlaces } from './gazetteer';
import type { PageGramsIndex } from './holders';
import { findLeftovers } from './leftovers';
import { pageFacts } from './page-facts';
import { firstSeen, passageProvenance } from './provenance';

/** URLs equal up to scheme, `www.`, a trailing slash and the fragment. */
export function sameUrl(a: string, b: string): boolean {
  const key = (u: string) =>
    u
      .trim()
      .replace(/^[a-z][\w+.-]*:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/#.*$/, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return key(a) !== '' && key(a) === key(b);
}

/** Slots of the page's own saved copies: named in `exclude`, or saved from the page's URL. */
export function selfCopySlots(store: CorpusStore, options: MatchOptions | undefined): Set<number> {
  const out = new Set<number>();
  for (const id of options?.exclude ?? []) {
    const slot = store.byId.get(id);
    if (slot !== undefined) out.add(slot);
  }
  const url = options?.page?.url;
  if (url)
    store.docs.forEach((d, slot) => {
      if (d?.url && sameUrl(d.url, url)) out.add(slot);
    });
  return out;
}

/** What needs only the page and the passages' source texts (any backend can give it): the page's
 *  own date and place and the leftovers. */
export function pageEvidence(
  text: string,
  n: NormalizedText,
  passages: Passage[],
  options: MatchOptions | undefined,
  docOf: (id: string) => CorpusDoc | undefined,
): Pick<MatchResult, 'date' | 'place' | 'leftovers'> {
  return withPlaces(() => {
    const facts = pageFacts({ text, ...options?.page });
    return { date: facts.date, place: facts.place, leftovers: findLeftovers(text, n, passages, facts, docOf) };
  });
}

/** The match with the page's date and place, provenance per passage, leftovers and self copies. */
export function annotateMatch(
  store: CorpusStore,
  text: string,
  g: PageGramsIndex,
  match: MatchResult,
  options: MatchOptions | undefined,
  exclude: ReadonlySet<number>,
): MatchResult {
  const passages = match.passages.map((p) => ({ ...p, ...passageProvenance(store, g, p, exclude) }));
  const docOf = (id: string) => {
    const slot = store.byId.get(id);
    return slot === undefined ? undefined : store.docs[slot];
  };
  return {
    ...match,
    passages,
    ...pageEvidence(text, g.n, passages, options, docOf),
    selfCopies: [...exclude].map((s) => store.docs[s]?.id).filter((id): id is string => !!id),
  };
}

/** Formula phrases with their first dated holder (`holders`: the phrases' holders already found). */
export function annotateBoilerplate(
  store: CorpusStore,
  spans: BoilerplateSpan[],
  exclude: ReadonlySet<number>,
  holders?: (phrase: string) => Iterable<number>,
): BoilerplateSpan[] {
  return spans.map((b) => ({ ...b, firstSeen: firstSeen(store, b, exclude, holders?.(b.phrase)) }));
}
