// The matching engine: a corpus store with its indexes, and the four questions asked of it
// (match, boilerplate, lookup, list/get). Pure: runs in a service worker, a page or Node.
import { boilerplateOfProfile, boilerplateSpans } from './boilerplate/boilerplate';
import { CorpusStore } from './index/corpus-store';
import { Families, type FamiliesJson } from './index/families';
import { FingerprintIndex, type FingerprintIndexJson } from './index/fingerprint-index';
import { GRAM, WINDOW } from './index/grams';
import { lookupPhrase } from './lookup/lookup';
import { matchPage, matchProfiled } from './match/matcher';
import { profilePage } from './match/page-profile';
import { resolveSettings } from './match/settings';
import { normalize } from './text/normalize';
import type { Engine, EngineSnapshot } from './model/engine-api';
import type { CorpusDoc, DocMeta } from './model/types';

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
    match: (text, options) => {
      store.linkFamilies();
      return matchPage(store, text, options);
    },
    boilerplate: (text, options) => {
      store.linkFamilies();
      return boilerplateSpans(store, text, options);
    },
    analyse: (text, options) => {
      store.linkFamilies();
      const s = resolveSettings(store.live, options);
      const prof = profilePage(store, normalize(text), s);
      return { match: matchProfiled(store, text, prof, s), boilerplate: boilerplateOfProfile(text, prof) };
    },
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
