// The user's document bodies the background's engine reads from IndexedDB when it needs them (see
// core/index/lazy-body.ts): the candidates of a page, lookup's hits, and every body once while
// lookup's text is built. A document whose body is gone is removed from the index.
import type { SnapshotEngine } from '../../core/engine';
import { BodyCache, bodyMissing, MissingBodyError } from '../../core/index/lazy-body';
import type { LazyUserDocs } from './engine-build';

/** Runs of a request that found a body missing before it gives up. */
const RETRIES = 3;

/* STAGING: building lookup's text normalises every document. Done in one block (every body read
 * and pinned, then normalised) it held the whole corpus twice and kept the worker busy for
 * seconds at a time, so a page that arrived meanwhile waited for all of it. */

/** Documents whose bodies are read and normalised per step of lookup's preparation. */
const STAGE_CHUNK = 50;

/** The ids among these whose bodies are in storage, not in memory. */
function lazyIds(engine: SnapshotEngine, ids: readonly string[]): string[] {
  return ids.filter((id) => {
    const d = engine.get(id);
    return !!d && bodyMissing(d);
  });
}

export interface EngineBodies {
  cache: BodyCache;
  /** Forgets every body held and every read in flight (a corpus change, a reload). */
  clear(): void;
  /** Reads these bodies into the cache; a document no longer stored leaves the engine (then
   *  `dropped` is called, so the index is written again). */
  load(engine: SnapshotEngine, ids: readonly string[]): Promise<void>;
  /** Builds lookup's text with every body read once and held only meanwhile. */
  prepareLookup(engine: SnapshotEngine): Promise<void>;
  /** fn, run again after reading the bodies it found missing; bodies read stay while it runs. */
  retrying<T>(engine: SnapshotEngine, fn: (engine: SnapshotEngine) => T | Promise<T>): Promise<T>;
}

/* SHARED_READS: two analyses in flight at once (a page's request and the panel's, or the warm-up
 * and the page) each found the same holders missing and read them both: 46 bodies read twice in
 * the bench's cold pages at 5,000 documents. Ids already being read are waited for instead. */
function sharedReads(read: (engine: SnapshotEngine, ids: readonly string[]) => Promise<void>) {
  /** Bodies being read now, by id. */
  const reading = new Map<string, Promise<void>>();
  return {
    async load(engine: SnapshotEngine, ids: readonly string[]): Promise<void> {
      const waits: Promise<void>[] = [];
      const fresh: string[] = [];
      for (const id of new Set(ids)) {
        const pending = reading.get(id);
        if (pending) waits.push(pending);
        else fresh.push(id);
      }
      if (fresh.length > 0) {
        const p = read(engine, fresh).finally(() => {
          for (const id of fresh) if (reading.get(id) === p) reading.delete(id);
        });
        for (const id of fresh) reading.set(id, p);
        waits.push(p);
      }
      await Promise.all(waits);
    },
    forget: () => reading.clear(),
  };
}

export function engineBodies(
  source: Omit<LazyUserDocs, 'cache'> | undefined,
  maxChars: number | undefined,
  dropped: () => void,
): EngineBodies {
  const cache = new BodyCache(maxChars);
  /** Counts clear(): a read started before one does not fill the cache after it. */
  let epoch = 0;

  async function read(engine: SnapshotEngine, ids: readonly string[]): Promise<void> {
    const at = epoch;
    const got = await source!.bodies(ids);
    if (at !== epoch) return; // the corpus changed meanwhile: the caller's retry reads again
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

  const shared = sharedReads(read);
  const load = async (engine: SnapshotEngine, ids: readonly string[]): Promise<void> => {
    if (source && ids.length > 0) await shared.load(engine, ids);
  };

  /** Normalises every document's text a chunk at a time, each chunk's bodies read in one call
   *  and dropped after (never cached, never all held at once), yielding between chunks so a page
   *  that asks meanwhile is answered before the rest (STAGING). */
  async function stageAll(engine: SnapshotEngine): Promise<void> {
    for (;;) {
      const ids = engine.unstaged().slice(0, STAGE_CHUNK);
      if (ids.length === 0) return;
      const lazy = lazyIds(engine, ids);
      const got = source && lazy.length > 0 ? await source.bodies(lazy) : new Map<string, string>();
      for (const id of lazy) if (!got.has(id) && engine.remove(id)) dropped();
      engine.stage(ids, got);
      if (engine.unstaged().slice(0, STAGE_CHUNK).join() === ids.join()) return; // no progress
      await new Promise((ok) => setTimeout(ok, 0));
    }
  }

  return {
    cache,
    clear() {
      epoch++;
      shared.forget();
      cache.clear();
    },
    load,
    async prepareLookup(engine) {
      if (engine.lookupReady()) return;
      await stageAll(engine);
      cache.pin();
      try {
        // Bodies the staging could not read (none, unless the corpus changed meanwhile).
        await load(engine, lazyIds(engine, engine.unstaged()));
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
