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
  /** Runs fn after the current work (default: a zero timeout). */
  later?(fn: () => void): void;
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
    // Lookup's text and postings are built right after the first answer rather than on the first
    // lookup, which otherwise waited for them (260 ms on the bundled corpus).
    (sources.later ?? ((fn) => setTimeout(fn, 0)))(() => {
      try {
        engine.prepare();
      } catch (err) {
        console.warn('[suyuan] preparing lookup failed; the first lookup will retry:', err);
      }
    });
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
