// The engine lives in the background and is built once, on first use. An MV3 worker can be
// stopped at any time; the next event starts a fresh worker whose first call loads it again.
// The promise is memoised so concurrent first calls share one load, and forgotten on failure so a
// later call can retry.
import { createEngine, restoreEngine } from '../../core/engine';
import type { Engine } from '../../core/model/engine-api';
import type { CorpusDoc } from '../../core/model/types';
import type { CorpusAsset } from '../corpus-asset';

export interface EngineSources {
  /** The bundled corpus, or null when the build has none. */
  bundled(): Promise<CorpusAsset | null>;
  /** The user's documents. */
  userDocs(): Promise<CorpusDoc[]>;
}

export interface EngineHolder {
  get(): Promise<Engine>;
  /** The engine if it is loaded or loading; null otherwise (nothing to update incrementally). */
  peek(): Promise<Engine> | null;
}

export function createEngineHolder(sources: EngineSources): EngineHolder {
  let loading: Promise<Engine> | null = null;

  async function load(): Promise<Engine> {
    const [asset, user] = await Promise.all([sources.bundled(), sources.userDocs()]);
    const engine = asset ? restoreEngine(asset.docs, asset.snapshot) : createEngine([]);
    if (user.length > 0) engine.add(user);
    return engine;
  }

  return {
    get() {
      loading ??= load().catch((err: unknown) => {
        loading = null;
        throw err;
      });
      return loading;
    },
    peek: () => loading,
  };
}
