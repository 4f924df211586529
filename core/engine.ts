// The matching engine: a corpus store with its indexes, and the four questions asked of it
// (match, boilerplate, lookup, list/get). Pure: runs in a service worker, a page or Node.
import { boilerplateOfProfile } from './boilerplate/boilerplate';
import { CorpusStore } from './index/corpus-store';
import { Families, type FamiliesJson } from './index/families';
import { FingerprintIndex, type FingerprintIndexJson } from './index/fingerprint-index';
import { GRAM, WINDOW } from './index/grams';
import { lookupPhrase } from './lookup/lookup';
import { matchProfiled } from './match/matcher';
import { annotateBoilerplate, annotateMatch, selfCopySlots } from './evidence/annotate';
import { pageGrams } from './evidence/holders';
import { profilePage } from './match/page-profile';
import { resolveSettings } from './match/settings';
import { normalize } from './text/normalize';
import type { Engine, EngineSnapshot } from './model/engine-api';
import type { BoilerplateSpan, CorpusDoc, DocMeta, MatchOptions, MatchResult } from './model/types';

/** Bump when hashing, winnowing or the snapshot layout changes. 2: character bitsets dropped
 *  (lookup uses positional postings built on first use). 3: fingerprint keys as 16-bit suffixes
 *  under a stored bucket table, doc slots as varint gaps. 4: identical slot lists stored once,
 *  families of near-duplicate documents. */
export const SNAPSHOT_VERSION = 4;

export type SnapshotEngine = Engine & {
  snapshot(): EngineSnapshot;
  /** Bytes held by the index typed arrays (fingerprint postings, phrase postings, document
   *  table and position maps; not the normalised text itself). */
  indexBytes(): number;
  /** indexBytes() by part, for benchmarks. */
  indexParts(): Record<string, number>;
};

interface SnapshotBody {
  version: number;
  gram: number;
  window: number;
  /** Document id per slot (null for a removed slot), with a checksum of its body. */
  slots: (string | null)[];
  sums: (string | null)[];
  fp: FingerprintIndexJson;
  families: FamiliesJson;
}

function checksum(body: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193);
  return `${body.length}:${(h >>> 0).toString(36)}`;
}

function meta(d: CorpusDoc): DocMeta {
  const { body: _body, ...m } = d;
  return m;
}

type Parts = { match: MatchResult; boilerplate: BoilerplateSpan[] };

/** Match and/or boilerplate with the evidence over them, the page's own saved copies left out. */
function analyseWith(
  store: CorpusStore,
  text: string,
  options: MatchOptions | undefined,
  want: 'match' | 'boilerplate' | 'both',
): Parts {
  const exclude = selfCopySlots(store, options);
  const s = { ...resolveSettings(store.live, options), exclude };
  const n = normalize(text);
  const prof = profilePage(store, n, s, want !== 'boilerplate');
  const g = pageGrams(n);
  const empty: MatchResult = { candidates: [], passages: [], reuseRatio: 0 };
  return {
    match:
      want === 'boilerplate'
        ? empty
        : annotateMatch(store, text, g, matchProfiled(store, text, prof, s), options, exclude),
    boilerplate: want === 'match' ? [] : annotateBoilerplate(store, boilerplateOfProfile(text, prof), exclude),
  };
}

function wrap(store: CorpusStore): SnapshotEngine {
  return {
    list: () => store.docs.filter((d): d is CorpusDoc => !!d).map(meta),
    get: (id) => {
      const slot = store.byId.get(id);
      return slot === undefined ? undefined : store.docs[slot];
    },
    add: (docs) => {
      for (const d of docs) store.add(d);
      store.linkFamilies();
    },
    remove: (id) => store.remove(id),
    match: (text, options) => analyseWith(store, text, options, 'match').match,
    boilerplate: (text, options) => analyseWith(store, text, options, 'boilerplate').boilerplate,
    analyse: (text, options) => analyseWith(store, text, options, 'both'),
    lookup: (query, options) => lookupPhrase(store, query, options),
    prepare: () => {
      store.linkFamilies();
      store.corpusText().phraseIndex();
    },
    indexParts: () => ({
      fingerprints: store.fp.bytes(),
      phrasePostings: store.text?.phraseIndex().byteLength() ?? 0,
      docTableAndMaps: (store.text?.byteLength() ?? 0) - (store.text?.phraseIndex().byteLength() ?? 0),
    }),
    indexBytes: () => store.fp.bytes() + (store.text?.byteLength() ?? 0),
    snapshot: (): EngineSnapshot => {
      store.linkFamilies();
      const body: SnapshotBody = {
        version: SNAPSHOT_VERSION,
        gram: GRAM,
        window: WINDOW,
        slots: store.docs.map((d) => d?.id ?? null),
        sums: store.docs.map((d) => (d ? checksum(d.body) : null)),
        fp: store.fp.toJSON(),
        families: store.families.toJSON(),
      };
      return body as unknown as EngineSnapshot;
    },
  };
}

export function createEngine(docs: CorpusDoc[]): SnapshotEngine {
  const store = new CorpusStore();
  for (const d of docs) store.add(d);
  store.fp.freeze();
  store.linkFamilies();
  // Lookup's text and postings are built now, so the first lookup is as fast as the rest.
  store.corpusText().phraseIndex();
  return wrap(store);
}

/** Loads a snapshot made by snapshot(); rebuilds from the documents when the snapshot is from
 *  another version or does not describe exactly these documents. */
export function restoreEngine(docs: CorpusDoc[], snapshot: EngineSnapshot): SnapshotEngine {
  const snap = snapshot as unknown as SnapshotBody;
  if (snap.version !== SNAPSHOT_VERSION || snap.gram !== GRAM || snap.window !== WINDOW) return createEngine(docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const live = snap.slots.filter((s) => s !== null).length;
  if (live !== byId.size) return createEngine(docs);
  for (let i = 0; i < snap.slots.length; i++) {
    const id = snap.slots[i];
    if (id === null || id === undefined) continue;
    const d = byId.get(id);
    if (!d || checksum(d.body) !== snap.sums[i]) return createEngine(docs);
  }
  const store = new CorpusStore();
  store.fp = FingerprintIndex.fromJSON(snap.fp);
  for (const id of snap.slots) {
    if (id === null) store.addHole();
    else store.add(byId.get(id)!, true);
  }
  store.families = Families.fromJSON(snap.families, snap.slots.length);
  return wrap(store);
}
