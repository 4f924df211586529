// Builds the background's engine at a worker start from what is already indexed: the index
// persisted in IndexedDB (bundled and user documents together), caught up with documents added or
// removed since it was written; failing that (first start, or an engine version change) the
// bundled asset's index plus the user's documents indexed now.
import { createEngine, restoreIncremental, type SnapshotEngine } from '../../core/engine';
import type { CorpusDoc } from '../../core/model/types';
import type { CorpusAsset } from '../corpus-asset';

/** Where the built index is persisted (binary snapshot bytes). */
export interface IndexStore {
  load(): Promise<Uint8Array | null>;
  save(bytes: Uint8Array): Promise<void>;
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

export async function buildEngine(
  asset: CorpusAsset | null,
  userDocs: () => Promise<CorpusDoc[]>,
  index?: IndexStore,
): Promise<BuiltEngine> {
  const [user, saved] = await Promise.all([userDocs(), loadPersisted(index)]);
  const all = asset ? [...asset.docs, ...user] : user;
  const fromSaved = saved ? restoreIncremental(all, saved) : null;
  if (fromSaved) {
    const changed = fromSaved.added + fromSaved.removed;
    return { engine: fromSaved.engine, from: 'persisted', indexed: fromSaved.added, stale: changed > 0 };
  }
  const fromAsset = asset ? restoreIncremental(all, asset.snapshot) : null;
  if (fromAsset) {
    // The persisted index is missing or from another engine version: written again when idle.
    return { engine: fromAsset.engine, from: 'asset', indexed: fromAsset.added, stale: !!index && user.length > 0 };
  }
  return { engine: createEngine(all), from: 'scratch', indexed: all.length, stale: !!index && all.length > 0 };
}
