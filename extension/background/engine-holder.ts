// The engine lives in the background and is built once, on first use. An MV3 worker can be
// stopped at any time; the next event starts a fresh worker whose first call loads it again.
// The promise is memoised so concurrent first calls share one load, and forgotten on failure so a
// later call can retry. Work that no page waits for (lookup's preparation, writing the index back
// to IndexedDB) runs in the quiet time after requests.
import type { SnapshotEngine } from '../../core/engine';
import type { CorpusDoc } from '../../core/model/types';
import type { CorpusAsset } from '../corpus-asset';
import type { LoadingOptions } from '../../core/analyse';
import { collectMissing } from '../../core/index/lazy-body';
import { engineBodies, type EngineBodies } from './engine-bodies';
import { startMark } from './marks';
import { buildEngine, type BuiltEngine, type IndexStore, type LazyUserDocs } from './engine-build';

type Engine = SnapshotEngine;

/* IDLE_WORK: lookup's text and postings (1-2 s on a large corpus) are built when nothing has been
 * asked for a while, or by the first lookup itself: never queued right behind a load, where they
 * ran before the waiting page's answer was sent. Every request pushes the work back. */

/* WARM_START: an MV3 worker is woken by the navigation whose page will ask (tabs.onUpdated), a
 * few hundred ms before the content script has the page's text. Loading the engine then, and one
 * small analysis (the first analysis in a fresh worker cost 3x the next: compiling, lazily built
 * tables), moves that work into the page's own load time. Idle work is not queued by it, so
 * lookup's preparation never starts before the page has asked. */

/** Quiet time after the last request before background work starts. */
export const IDLE_MS = 1500;

export interface EngineSources {
  /** The bundled corpus, or null when the build has none. */
  bundled(): Promise<CorpusAsset | null>;
  /** The user's documents. */
  userDocs(): Promise<CorpusDoc[]>;
  /** Where the built index is kept between worker starts (none: rebuilt from the asset). */
  index?: IndexStore;
  /** The user's documents by parts: with it, a start from the persisted index reads no body. */
  lazy?: Omit<LazyUserDocs, 'cache'>;
  /** Called when lookup's text has been built (answers that left out firstSeen can be redone). */
  onLookupReady?(): void;
  /** Characters of bodies kept in memory (most recently used). */
  bodyCacheChars?: number;
  /** Runs fn once the background has been quiet for a while; returns a cancel function.
   *  Default: IDLE_MS without engine requests. */
  idle?(fn: () => void): () => void;
}

export interface EngineHolder {
  get(): Promise<Engine>;
  /** Runs fn with the engine and counts it as a request in flight until it settles: idle work
   *  waits for the quiet time after the last one. */
  use<T>(fn: (engine: Engine) => T | Promise<T>): Promise<T>;
  /** use(), reading from storage the bodies fn finds missing (MissingBodyError) and running it
   *  again; `lookup` first builds lookup's text, reading every body once. */
  withBodies<T>(fn: (engine: Engine) => T | Promise<T>, opts?: { lookup?: boolean }): Promise<T>;
  /** The bodies fn reads that are not loaded (a dry run: see core/index/lazy-body.ts). */
  collectMissing(fn: () => unknown): string[];
  /** Reads these documents' bodies into the cache; one no longer stored leaves the index. */
  loadBodies(ids: readonly string[]): Promise<void>;
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
  /** A page's request has arrived and will use the engine soon (its badge is being set first):
   *  a warm-up not started yet is skipped, one running stops at its next body read. */
  announce(): void;
  /** Loads the engine now, then runs `warm` (a first analysis, read bodies through `how`) unless a
   *  request came meanwhile; not counted as a request: no idle work is queued behind it (WARM_START). */
  preload(warm?: (engine: Engine, how: Pick<LoadingOptions, 'load' | 'collect'>) => Promise<unknown>): Promise<void>;
}

const defaultIdle = (fn: () => void): (() => void) => {
  const t = setTimeout(fn, IDLE_MS);
  return () => clearTimeout(t);
};

/** Lookup's preparation and writing the index back, neither of which any page waits for. */
async function backgroundWork(
  built: BuiltEngine,
  prepare: (() => Promise<void>) | null,
  index: IndexStore | undefined,
): Promise<void> {
  try {
    if (prepare) await prepare();
    if (index) await index.save(built.engine.snapshotBytes());
  } catch (err) {
    console.warn('[suyuan] background index work failed; it is retried on use:', err);
  }
}

/** The engine, built once per worker start: memoised, forgotten on failure or reload. */
function engineLoader(sources: EngineSources, lazy: LazyUserDocs | undefined, onBuilt: (b: BuiltEngine) => void) {
  let loading: Promise<BuiltEngine> | null = null;
  return {
    load(): Promise<BuiltEngine> {
      loading ??= (async () => {
        startMark('engine-load');
        const built = await buildEngine(await sources.bundled(), sources.userDocs, sources.index, lazy);
        // The worker's heap is bounded: lookup's text is kept packed (issue 12).
        built.engine.packLookupText();
        startMark('engine-ready');
        onBuilt(built);
        return built;
      })().catch((err: unknown) => {
        loading = null;
        throw err;
      });
      return loading;
    },
    current: (): Promise<BuiltEngine> | null => loading,
    forget(): void {
      loading = null;
    },
  };
}

/** Thrown into a warm-up to end it: a page has asked. */
class WarmStopped extends Error {}

/** EngineHolder.preload over this holder's loader and body cache. */
function preloader(
  load: () => Promise<BuiltEngine>,
  bodies: EngineBodies,
  asked: () => boolean,
): EngineHolder['preload'] {
  return async (warm) => {
    try {
      const { engine } = await load();
      // A page that asked while the engine loaded goes first: the warm-up would only delay it.
      if (asked()) return;
      await warm?.(engine, {
        // A page that asks during the warm-up goes first too: the warm-up stops at its next read
        // instead of reading bodies and analysing beside the page (the bench's cold pages at
        // 5,000 documents: 28 bodies read and two more passes while the page waited).
        load: (ids) => (asked() ? Promise.reject(new WarmStopped()) : bodies.load(engine, ids)),
        collect: (fn) => collectMissing(bodies.cache, fn),
      });
    } catch (err) {
      if (err instanceof WarmStopped) return void startMark('warm-stopped');
      console.warn('[suyuan] preparing the engine ahead of a page failed; the page loads it:', err);
    }
  };
}

export function createEngineHolder(sources: EngineSources): EngineHolder {
  let [prepared, dirty] = [false, false];
  let cancelIdle: (() => void) | null = null;
  let [inFlight, requests] = [0, 0]; // requests: since this worker started
  let work: Promise<void> = Promise.resolve();
  const bodies = engineBodies(sources.lazy, sources.bodyCacheChars, () => (dirty = true));
  const loader = engineLoader(sources, sources.lazy && { ...sources.lazy, cache: bodies.cache }, (b) => {
    dirty ||= b.stale;
  });

  // Idle work waits for quiet: see IDLE_WORK.
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
    // `prepared` is set by prepareLookup when it succeeds: a preparation that failed (its bodies
    // evicted by a corpus change meanwhile) is tried again at the next quiet time.
    const prepare = !prepared;
    const save = dirty && !!sources.index;
    if (save) dirty = false;
    await backgroundWork(built, prepare ? () => prepareLookup(built.engine) : null, save ? sources.index : undefined);
  }

  async function prepareLookup(engine: Engine): Promise<void> {
    await bodies.prepareLookup(engine);
    prepared = true;
    sources.onLookupReady?.();
  }

  async function use<T>(fn: (engine: Engine) => T | Promise<T>): Promise<T> {
    inFlight++;
    requests++;
    try {
      return await fn(await get());
    } finally {
      inFlight--;
      const built = await loader.current()?.catch(() => null);
      if (built) armIdle(built);
    }
  }

  const load = (): Promise<BuiltEngine> => loader.load();

  async function get(): Promise<Engine> {
    const built = await load();
    armIdle(built);
    return built.engine;
  }

  return {
    get,
    use,
    async withBodies(fn, opts = {}) {
      return use(async (engine) => {
        if (opts.lookup) await prepareLookup(engine);
        return bodies.retrying(engine, fn);
      });
    },
    loadBodies: async (ids) => bodies.load((await load()).engine, ids),
    collectMissing: (fn) => collectMissing(bodies.cache, fn),
    async update(fn) {
      // A load that starts now reads the stores, change included; a loaded engine takes it here.
      // Either way the persisted index is written again when idle, so the next worker start
      // restores it instead of indexing the change.
      const fresh = loader.current() === null;
      // A changed document may keep its id (an edited file re-imported): no cached body outlives it.
      bodies.clear();
      const built = await load();
      if (!fresh) fn(built.engine);
      dirty = true;
      armIdle(built);
    },
    reload() {
      cancelIdle?.();
      cancelIdle = null;
      loader.forget();
      prepared = false;
      bodies.clear();
      // Loaded now, so the documents are indexed before a page asks; persisted when idle.
      void get().catch((err: unknown) => console.warn('[suyuan] reloading the corpus failed:', err));
    },
    peek: () => loader.current()?.then((b) => b.engine) ?? null,
    settled: () => work,
    announce: () => void requests++,
    preload: preloader(load, bodies, () => requests > 0),
    origin: async () => (({ from, indexed }) => ({ from, indexed }))(await load()),
  };
}
