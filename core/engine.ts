// The matching engine: a corpus store with its indexes, and the four questions asked of it
// (match, boilerplate, lookup, list/get). Pure: runs in a service worker, a page or Node.
import { analyseLoading, analyseWith, type LoadedAnalysis, type LoadingOptions } from './analyse';
import { CorpusStore, docChecksum } from './index/corpus-store';
import { Families, type FamiliesJson } from './index/families';
import { bodyMissing } from './index/lazy-body';
import { decodeContainer, encodeContainer, view16, view32 } from './index/binary-container';
import { FingerprintIndex, type FingerprintIndexJson } from './index/fingerprint-index';
import { GRAM, WINDOW } from './index/grams';
import { lookupPhrase } from './lookup/lookup';
import type { Engine, EngineSnapshot } from './model/engine-api';
import { docMeta } from './model/doc-meta';
import type { CorpusDoc, MatchOptions } from './model/types';

/** Bump when hashing, winnowing or the snapshot layout changes. 2: character bitsets dropped
 *  (lookup uses positional postings built on first use). 3: fingerprint keys as 16-bit suffixes
 *  under a stored bucket table, doc slots as varint gaps. 4: identical slot lists stored once,
 *  families of near-duplicate documents. */
export const SNAPSHOT_VERSION = 4;

/** First four bytes of a binary snapshot ("SYSN" read as a little-endian u32). */
export const BINARY_SNAPSHOT_MAGIC = 0x4e535953;

export type SnapshotEngine = Engine & {
  snapshot(): EngineSnapshot;
  /** The same snapshot in the binary encoding: index arrays as raw sections, no base64. */
  snapshotBytes(): Uint8Array;
  /** Bytes held by the index typed arrays (fingerprint postings, phrase postings, document
   *  table and position maps; not the normalised text itself). */
  indexBytes(): number;
  /** indexBytes() by part, for benchmarks. */
  indexParts(): Record<string, number>;
  /** analyse() over lazy documents: the candidates' bodies are loaded first (core/analyse.ts). */
  analyseLoading(text: string, options: MatchOptions | undefined, how: LoadingOptions): Promise<LoadedAnalysis>;
  /** True when lookup's text is built (lookup and firstSeen then read no body but their hits'). */
  lookupReady(): boolean;
  /** Keeps lookup's text packed from its next build (core/index/packed-text.ts: about 1.3 bytes a
   *  character instead of 2, each document's text decoded when the matcher reads it): for hosts
   *  whose memory is bounded (the extension's worker). A text already built is rebuilt packed. */
  packLookupText(): void;
  /** Ids of the documents whose text prepare() would still normalise (restored, not staged). */
  unstaged(): string[];
  /** Normalises these documents' texts ahead of prepare(), a chunk at a time: `bodies` gives the
   *  text of lazy ones just read from storage; the others are read from the document. */
  stage(ids: readonly string[], bodies: ReadonlyMap<string, string>): void;
};

/** What both encodings hold, apart from the fingerprint index. */
interface SnapshotHead {
  version: number;
  gram: number;
  window: number;
  /** Document id per slot (null for a removed slot), with a checksum of its body. */
  slots: (string | null)[];
  sums: (string | null)[];
  families: FamiliesJson;
}

interface BinaryHead extends SnapshotHead {
  idBytes: number;
}

/** The JSON snapshot: the head plus the fingerprint index as base64 strings. */
interface SnapshotBody extends SnapshotHead {
  fp: FingerprintIndexJson;
}

function wrap(store: CorpusStore): SnapshotEngine {
  return {
    list: () => store.docs.filter((d): d is CorpusDoc => !!d).map(docMeta),
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
    analyseLoading: (text, options, how) => analyseLoading(store, text, options, how),
    lookupReady: () => store.textReady,
    packLookupText: () => {
      store.packText = true;
    },
    unstaged: () => store.unstaged().map((slot) => store.docs[slot]!.id),
    stage: (ids, bodies) => {
      for (const id of ids) {
        const slot = store.byId.get(id);
        const doc = slot === undefined ? undefined : store.docs[slot];
        if (!doc) continue;
        const body = bodies.get(id) ?? (bodyMissing(doc) ? undefined : doc.body);
        if (body !== undefined) store.stage(slot!, body);
      }
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
      packedText: store.text?.textBytes() ?? 0,
    }),
    indexBytes: () => store.fp.bytes() + (store.text?.byteLength() ?? 0),
    snapshot: (): EngineSnapshot => {
      const body: SnapshotBody = { ...headOf(store), fp: store.fp.toJSON() };
      return body as unknown as EngineSnapshot;
    },
    snapshotBytes: () => {
      const head = headOf(store);
      const { dir, keys, ids, idBytes, offsets, docs } = store.fp.toParts();
      const bh: BinaryHead = { ...head, idBytes };
      return encodeContainer(BINARY_SNAPSHOT_MAGIC, bh, { dir, keys, ids, offsets, docs });
    },
  };
}

function headOf(store: CorpusStore): SnapshotHead {
  store.linkFamilies();
  return {
    version: SNAPSHOT_VERSION,
    gram: GRAM,
    window: WINDOW,
    slots: store.docs.map((d) => d?.id ?? null),
    sums: store.docs.map((d, slot) => (d ? (store.sums[slot] ?? docChecksum(d)) : null)),
    families: store.families.toJSON(),
  };
}

/** The binary snapshot's head and fingerprint index; null when it is not a readable binary snapshot. */
function readBinary(bytes: Uint8Array): { head: SnapshotHead; fp: () => FingerprintIndex } | null {
  let c;
  try {
    c = decodeContainer<BinaryHead>(BINARY_SNAPSHOT_MAGIC, bytes, 'snapshot');
  } catch {
    return null;
  }
  const s = c.sections;
  if (!s.dir || !s.keys || !s.ids || !s.offsets || !s.docs) return null;
  const { dir, keys, ids, offsets, docs } = s;
  const fp = () =>
    FingerprintIndex.fromParts({
      dir: view32(dir),
      keys: view16(keys),
      ids,
      idBytes: c.head.idBytes,
      offsets: view32(offsets),
      docs,
    });
  return { head: c.head, fp };
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

/** Either encoding, read: null when it is not a readable snapshot. */
function readSnapshot(
  snapshot: EngineSnapshot | Uint8Array,
): { head: SnapshotHead; fp: () => FingerprintIndex } | null {
  if (snapshot instanceof Uint8Array) return readBinary(snapshot);
  const snap = snapshot as unknown as SnapshotBody;
  if (typeof snap !== 'object' || snap === null) return null;
  return { head: snap, fp: () => FingerprintIndex.fromJSON(snap.fp) };
}

function compatible(head: SnapshotHead): boolean {
  return (
    head.version === SNAPSHOT_VERSION &&
    head.gram === GRAM &&
    head.window === WINDOW &&
    Array.isArray(head.slots) &&
    Array.isArray(head.sums)
  );
}

/** Loads a snapshot made by snapshot() (JSON) or snapshotBytes() (binary); rebuilds from the
 *  documents when the snapshot is from another version, unreadable, or does not describe exactly
 *  these documents. */
export function restoreEngine(docs: CorpusDoc[], snapshot: EngineSnapshot | Uint8Array): SnapshotEngine {
  const read = readSnapshot(snapshot);
  if (!read || !compatible(read.head) || !describes(read.head, docs)) return createEngine(docs);
  return restoreIncremental(docs, snapshot)!.engine;
}

/** Restores what a snapshot still describes and catches up with the rest: documents it holds that
 *  `docs` no longer has (or has with another body) are removed, documents it lacks are indexed.
 *  This is how a persisted index follows a corpus that changed after it was written. Null when the
 *  snapshot is unreadable or of another engine version: the caller rebuilds. */
export function restoreIncremental(
  docs: CorpusDoc[],
  snapshot: EngineSnapshot | Uint8Array,
): { engine: SnapshotEngine; added: number; removed: number } | null {
  const read = readSnapshot(snapshot);
  if (!read || !compatible(read.head)) return null;
  const { head } = read;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const store = new CorpusStore();
  store.fp = read.fp();
  const gone: number[] = [];
  head.slots.forEach((id, slot) => {
    const d = id === null ? undefined : byId.get(id);
    if (d && docChecksum(d) === head.sums[slot]) {
      store.add(d, true, head.sums[slot]!);
      byId.delete(d.id);
    } else {
      store.addHole();
      if (id !== null) gone.push(slot);
    }
  });
  store.families = Families.fromJSON(head.families, head.slots.length);
  // The snapshot does not keep per-document posting counts: an average stands in for the
  // tombstones' share, which only decides when the index compacts.
  const perDoc = Math.ceil(store.fp.postings() / Math.max(1, head.slots.length));
  for (const slot of gone) store.fp.removeDoc(slot, perDoc);
  const engine = wrap(store);
  const rest = [...byId.values()];
  if (rest.length > 0) engine.add(rest);
  return { engine, added: rest.length, removed: gone.length };
}

/** The body checksum of every document a snapshot holds, by id; null when it is unreadable or of
 *  another engine version (restoreIncremental would then return null too). */
export function snapshotSums(snapshot: EngineSnapshot | Uint8Array): Map<string, string> | null {
  const read = readSnapshot(snapshot);
  if (!read || !compatible(read.head)) return null;
  const out = new Map<string, string>();
  read.head.slots.forEach((id, slot) => {
    const sum = read.head.sums[slot];
    if (id !== null && sum) out.set(id, sum);
  });
  return out;
}

/** True when the snapshot is of exactly these documents. */
function describes(head: SnapshotHead, docs: CorpusDoc[]): boolean {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const live = head.slots.filter((s) => s !== null).length;
  if (live !== byId.size) return false;
  for (let i = 0; i < head.slots.length; i++) {
    const id = head.slots[i];
    if (id === null || id === undefined) continue;
    const d = byId.get(id);
    if (!d || docChecksum(d) !== head.sums[i]) return false;
  }
  return true;
}
