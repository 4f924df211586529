// The user's document bodies the background's engine reads from IndexedDB when it needs them (see
// core/index/lazy-body.ts): the candidates of a page, lookup's hits, and every body once while
// lookup's text is built. A document whose body is gone is removed from the index.
import type { SnapshotEngine } from '../../core/engine';
import { BodyCache, MissingBodyError } from '../../core/index/lazy-body';
import type { LazyUserDocs } from './engine-build';

/** Runs of a request that found a body missing before it gives up. */
const RETRIES = 3;

export interface EngineBodies {
  cache: BodyCache;
  /** Reads these bodies into the cache; a document no longer stored leaves the engine (then
   *  `dropped` is called, so the index is written again). */
  load(engine: SnapshotEngine, ids: readonly string[]): Promise<void>;
  /** Builds lookup's text with every body read once and held only meanwhile. */
  prepareLookup(engine: SnapshotEngine): Promise<void>;
  /** fn, run again after reading the bodies it found missing; bodies read stay while it runs. */
  retrying<T>(engine: SnapshotEngine, fn: (engine: SnapshotEngine) => T | Promise<T>): Promise<T>;
}

export function engineBodies(
  source: Omit<LazyUserDocs, 'cache'> | undefined,
  maxChars: number | undefined,
  dropped: () => void,
): EngineBodies {
  const cache = new BodyCache(maxChars);

  async function load(engine: SnapshotEngine, ids: readonly string[]): Promise<void> {
    if (!source || ids.length === 0) return;
    const got = await source.bodies(ids);
    for (const id of ids) {
      const body = got.get(id);
      if (body !== undefined) cache.set(id, body);
      else if (engine.remove(id)) {
        // Deleted while it was being read (or lost from the database): it leaves the index.
        console.warn(`[suyuan] ${id} is no longer stored; it is left out of the index`);
        dropped();
      }
    }
  }

  return {
    cache,
    load,
    async prepareLookup(engine) {
      if (engine.lookupReady()) return;
      cache.pin();
      try {
        // Every user document, those already loaded too: they are pinned only when read now.
        await load(
          engine,
          engine.list().flatMap((m) => (m.origin === 'user' ? [m.id] : [])),
        );
        engine.prepare();
      } finally {
        cache.unpin();
      }
    },
    async retrying(engine, fn) {
      cache.pin();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            return await fn(engine);
          } catch (err) {
            if (!(err instanceof MissingBodyError) || attempt >= RETRIES) throw err;
            await load(engine, err.ids);
          }
        }
      } finally {
        cache.unpin();
      }
    },
  };
}
