// Builds the background's engine at a worker start from what is already indexed: the index
// persisted in IndexedDB (bundled and user documents together), caught up with documents added or
// removed since it was written; failing that (first start, or an engine version change) the
// bundled asset's index plus the user's documents indexed now. With a lazy source, the user's
// documents the persisted index already holds are restored from their metadata alone: their
// bodies stay in IndexedDB until a page is aligned with them (core/index/lazy-body.ts).
import { createEngine, restoreIncremental, snapshotSums, type SnapshotEngine } from '../../core/engine';
import { lazyDoc, type BodyCache } from '../../core/index/lazy-body';
import { docMeta } from '../../core/model/doc-meta';
import type { CorpusDoc, DocMeta } from '../../core/model/types';
import type { CorpusAsset } from '../corpus-asset';
import type { UserDocMeta } from '../storage/db';
import { startMark } from './marks';

/** Where the built index is persisted (binary snapshot bytes). */
export interface IndexStore {
  load(): Promise<Uint8Array | null>;
  save(bytes: Uint8Array): Promise<void>;
}

/** The user's documents read in parts: metadata of all, bodies of a few. */
export interface LazyUserDocs {
  metas(): Promise<UserDocMeta[]>;
  /** Bodies of the ids still stored. */
  bodies(ids: readonly string[]): Promise<Map<string, string>>;
  cache: BodyCache;
}

export interface BuiltEngine {
  engine: SnapshotEngine;
  /** How it was built, for tests and the benchmark. */
  from: 'persisted' | 'asset' | 'scratch';
  /** Documents indexed at this start (not in the snapshot it came from). */
  indexed: number;
  /** True when the persisted index does not describe the corpus (it should be written again). */
  stale: boolean;
}

async function loadPersisted(index: IndexStore | undefined): Promise<Uint8Array | null> {
  try {
    return (await index?.load()) ?? null;
  } catch (err) {
    console.warn('[suyuan] the saved index could not be read; rebuilding it:', err);
    return null;
  }
}

/** The user's documents for a restore from `saved`: lazy where the snapshot holds the same body,
 *  read in full where it does not (they are indexed now). Null when the snapshot is unreadable. */
async function userDocsFor(saved: Uint8Array, lazy: LazyUserDocs): Promise<CorpusDoc[] | null> {
  const [metas, sums] = [await lazy.metas(), snapshotSums(saved)];
  if (!sums) return null;
  const fresh = metas.filter((m) => sums.get(m.id) !== m.sum).map((m) => m.id);
  const bodies = fresh.length > 0 ? await lazy.bodies(fresh) : new Map<string, string>();
  const out: CorpusDoc[] = [];
  for (const m of metas) {
    const { sum, textKey: _key, ...rest } = m;
    const meta = docMeta(rest as unknown as CorpusDoc) as DocMeta;
    if (sums.get(m.id) === sum) out.push(lazyDoc(meta, sum, lazy.cache));
    else {
      const body = bodies.get(m.id);
      if (body !== undefined) out.push({ ...meta, body }); // else deleted meanwhile: left out
    }
  }
  return out;
}

export async function buildEngine(
  asset: CorpusAsset | null,
  userDocs: () => Promise<CorpusDoc[]>,
  index?: IndexStore,
  lazy?: LazyUserDocs,
): Promise<BuiltEngine> {
  const saved = await loadPersisted(index);
  startMark('index-read');
  const lazyUser = saved && lazy ? await userDocsFor(saved, lazy) : null;
  const user = lazyUser ?? (await userDocs());
  startMark('user-docs-read');
  const all = asset ? [...asset.docs, ...user] : user;
  const fromSaved = saved ? restoreIncremental(all, saved) : null;
  startMark('restored');
  if (fromSaved) {
    const changed = fromSaved.added + fromSaved.removed;
    return { engine: fromSaved.engine, from: 'persisted', indexed: fromSaved.added, stale: changed > 0 };
  }
  // Rebuilt: every body is needed (a lazy list would fail at the first one indexed).
  const full = lazyUser ? await userDocs() : user;
  const docs = asset ? [...asset.docs, ...full] : full;
  const fromAsset = asset ? restoreIncremental(docs, asset.snapshot) : null;
  if (fromAsset) {
    // The persisted index is missing or from another engine version: written again when idle.
    return { engine: fromAsset.engine, from: 'asset', indexed: fromAsset.added, stale: !!index && full.length > 0 };
  }
  return { engine: createEngine(docs), from: 'scratch', indexed: docs.length, stale: !!index && docs.length > 0 };
}
