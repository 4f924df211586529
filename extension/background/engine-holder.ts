// The engine lives in the background and is built once, on first use. An MV3 worker can be
// stopped at any time; the next event starts a fresh worker whose first call loads it again.
// The promise is memoised so concurrent first calls share one load, and forgotten on failure so a
// later call can retry.
import { createEngine, restoreEngine } from '../../core/engine';
import type { Engine } from '../../core/model/engine-api';
import type { CorpusDoc } from '../../core/model/types';
import type { CorpusAsset } from '../corpus-asset';

/** Quiet time after the last request before lookup is prepared. */
export const IDLE_PREPARE_MS = 1500;

export interface EngineSources {
  /** The bundled corpus, or null when the build has none. */
  bundled(): Promise<CorpusAsset | null>;
  /** The user's documents. */
  userDocs(): Promise<CorpusDoc[]>;
  /** Runs fn once the background has been quiet for a while; returns a cancel function.
   *  Default: IDLE_PREPARE_MS of no engine requests. */
  idle?(fn: () => void): () => void;
  /** Builds the engine from the bundled asset and the user's documents (default: restore the
   *  asset, then add the user's documents). */
  build?(asset: CorpusAsset | null, userDocs: () => Promise<CorpusDoc[]>): Promise<Engine>;
}

export interface EngineHolder {
  get(): Promise<Engine>;
  /** Runs fn with the engine and counts it as a request in flight until it settles: lookup's
   *  preparation waits for the quiet time after the last one. */
  use<T>(fn: (engine: Engine) => T | Promise<T>): Promise<T>;
  /** The engine if it is loaded or loading; null otherwise (nothing to update incrementally). */
  peek(): Promise<Engine> | null;
}

const defaultIdle = (fn: () => void): (() => void) => {
  const t = setTimeout(fn, IDLE_PREPARE_MS);
  return () => clearTimeout(t);
};

async function defaultBuild(asset: CorpusAsset | null, userDocs: () => Promise<CorpusDoc[]>): Promise<Engine> {
  const user = await userDocs();
  const engine = asset ? restoreEngine(asset.docs, asset.snapshot) : createEngine([]);
  if (user.length > 0) engine.add(user);
  return engine;
}

export function createEngineHolder(sources: EngineSources): EngineHolder {
  let loading: Promise<Engine> | null = null;
  let prepared = false;
  let cancelIdle: (() => void) | null = null;
  let inFlight = 0;

  // Lookup's text and postings (1-2 s on a large corpus) are built when nothing has been asked for
  // a while, or by the first lookup itself: never queued right behind a load, where they ran
  // before the waiting page's answer was sent. Every request pushes the preparation back.
  function armIdle(engine: Engine): void {
    if (prepared) return;
    cancelIdle?.();
    cancelIdle = (sources.idle ?? defaultIdle)(() => {
      cancelIdle = null;
      if (inFlight > 0) return; // the request's end arms it again
      prepared = true;
      try {
        engine.prepare();
      } catch (err) {
        console.warn('[suyuan] preparing lookup failed; the first lookup will retry:', err);
      }
    });
  }

  async function load(): Promise<Engine> {
    const asset = await sources.bundled();
    return (sources.build ?? defaultBuild)(asset, () => sources.userDocs());
  }

  function get(): Promise<Engine> {
    loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading.then((engine) => {
      armIdle(engine);
      return engine;
    });
  }

  return {
    get,
    async use(fn) {
      inFlight++;
      try {
        return await fn(await get());
      } finally {
        inFlight--;
        const engine = loading && (await loading.catch(() => null));
        if (engine) armIdle(engine);
      }
    },
    peek: () => loading,
  };
}
