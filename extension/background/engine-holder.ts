// The engine lives in the background and is built once, on first use. An MV3 worker can be
// stopped at any time; the next event starts a fresh worker whose first call loads it again.
// The promise is memoised so concurrent first calls share one load, and forgotten on failure so a
// later call can retry. Work that no page waits for (lookup's preparation, writing the index back
// to IndexedDB) runs in the quiet time after requests.
import type { Engine } from '../../core/model/engine-api';
import type { CorpusDoc } from '../../core/model/types';
import type { CorpusAsset } from '../corpus-asset';
import { buildEngine, type BuiltEngine, type IndexStore } from './engine-build';

/** Quiet time after the last request before background work starts. */
export const IDLE_MS = 1500;

export interface EngineSources {
  /** The bundled corpus, or null when the build has none. */
  bundled(): Promise<CorpusAsset | null>;
  /** The user's documents. */
  userDocs(): Promise<CorpusDoc[]>;
  /** Where the built index is kept between worker starts (none: rebuilt from the asset). */
  index?: IndexStore;
  /** Runs fn once the background has been quiet for a while; returns a cancel function.
   *  Default: IDLE_MS without engine requests. */
  idle?(fn: () => void): () => void;
}

export interface EngineHolder {
  get(): Promise<Engine>;
  /** Runs fn with the engine and counts it as a request in flight until it settles: idle work
   *  waits for the quiet time after the last one. */
  use<T>(fn: (engine: Engine) => T | Promise<T>): Promise<T>;
  /** Applies a corpus change already written to the stores, and schedules writing the index back. */
  update(fn: (engine: Engine) => void): Promise<void>;
  /** Forgets the engine: the next use loads it from the stores again (after a restore written by
   *  the panel), catching up from the persisted index. */
  reload(): void;
  /** The engine if it is loaded or loading; null otherwise. */
  peek(): Promise<Engine> | null;
  /** Resolves when the idle work queued so far has run (tests, benchmarks). */
  settled(): Promise<void>;
  /** How the engine was built at this worker start (loads it if needed). */
  origin(): Promise<Pick<BuiltEngine, 'from' | 'indexed'>>;
}

const defaultIdle = (fn: () => void): (() => void) => {
  const t = setTimeout(fn, IDLE_MS);
  return () => clearTimeout(t);
};

/** Lookup's preparation and writing the index back, neither of which any page waits for. */
async function backgroundWork(built: BuiltEngine, prepare: boolean, index: IndexStore | undefined): Promise<void> {
  try {
    if (prepare) built.engine.prepare();
    if (index) await index.save(built.engine.snapshotBytes());
  } catch (err) {
    console.warn('[suyuan] background index work failed; it is retried on use:', err);
  }
}

export function createEngineHolder(sources: EngineSources): EngineHolder {
  let loading: Promise<BuiltEngine> | null = null;
  let prepared = false;
  let dirty = false;
  let cancelIdle: (() => void) | null = null;
  let inFlight = 0;
  let work: Promise<void> = Promise.resolve();

  // Lookup's text and postings (1-2 s on a large corpus) are built when nothing has been asked for
  // a while, or by the first lookup itself: never queued right behind a load, where they ran
  // before the waiting page's answer was sent. Every request pushes the work back.
  function armIdle(built: BuiltEngine): void {
    if (prepared && !dirty) return;
    cancelIdle?.();
    cancelIdle = (sources.idle ?? defaultIdle)(() => {
      cancelIdle = null;
      if (inFlight > 0) return; // the request's end arms it again
      work = work.then(() => idleWork(built));
    });
  }

  async function idleWork(built: BuiltEngine): Promise<void> {
    const prepare = !prepared;
    const save = dirty && !!sources.index;
    prepared = true;
    if (save) dirty = false;
    await backgroundWork(built, prepare, save ? sources.index : undefined);
  }

  function load(): Promise<BuiltEngine> {
    loading ??= (async () => {
      const asset = await sources.bundled();
      const built = await buildEngine(asset, sources.userDocs, sources.index);
      dirty ||= built.stale;
      return built;
    })().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  }

  async function get(): Promise<Engine> {
    const built = await load();
    armIdle(built);
    return built.engine;
  }

  return {
    get,
    async use(fn) {
      inFlight++;
      try {
        return await fn(await get());
      } finally {
        inFlight--;
        const built = loading && (await loading.catch(() => null));
        if (built) armIdle(built);
      }
    },
    async update(fn) {
      // A load that starts now reads the stores, change included; a loaded engine takes it here.
      // Either way the persisted index is written again when idle, so the next worker start
      // restores it instead of indexing the change.
      const fresh = loading === null;
      const built = await load();
      if (!fresh) fn(built.engine);
      dirty = true;
      armIdle(built);
    },
    reload() {
      cancelIdle?.();
      cancelIdle = null;
      loading = null;
      prepared = false;
      // Loaded now, so the documents are indexed before a page asks; persisted when idle.
      void get().catch((err: unknown) => console.warn('[suyuan] reloading the corpus failed:', err));
    },
    peek: () => loading && loading.then((b) => b.engine),
    settled: async () => {
      await work;
    },
    origin: async () => {
      const { from, indexed } = await load();
      return { from, indexed };
    },
  };
}
