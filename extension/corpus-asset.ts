// The bundled corpus as one JSON asset, prepared at build time (wxt.config.ts) so the background
// only restores a ready index instead of indexing ~1.5 M characters on every worker start.
import { createEngine } from '../core/engine';
import type { EngineSnapshot } from '../core/model/engine-api';
import type { CorpusDoc } from '../core/model/types';

/** Path of the asset inside the built extension. */
export const CORPUS_ASSET_PATH = '/corpus.json';
export const CORPUS_ASSET_VERSION = 1;

export interface CorpusAsset {
  version: number;
  docs: CorpusDoc[];
  snapshot: EngineSnapshot;
}

export function buildCorpusAsset(docs: CorpusDoc[]): CorpusAsset {
  const bundled = docs.map((d) => ({ ...d, origin: 'bundled' as const }));
  return { version: CORPUS_ASSET_VERSION, docs: bundled, snapshot: createEngine(bundled).snapshot() };
}

/** Checks the parsed asset's shape; a mismatch means a stale or broken build. */
export function parseCorpusAsset(data: unknown): CorpusAsset {
  if (typeof data !== 'object' || data === null) throw new Error('corpus asset is not an object');
  const a = data as Partial<CorpusAsset>;
  if (a.version !== CORPUS_ASSET_VERSION)
    throw new Error(`corpus asset version ${String(a.version)} is not ${CORPUS_ASSET_VERSION}`);
  if (!Array.isArray(a.docs)) throw new Error('corpus asset has no docs');
  for (const d of a.docs as unknown[]) {
    const doc = d as Partial<CorpusDoc> | null;
    if (typeof doc?.id !== 'string' || typeof doc.title !== 'string' || typeof doc.body !== 'string') {
      throw new Error('corpus asset holds a malformed document');
    }
  }
  if (typeof a.snapshot !== 'object' || a.snapshot === null || typeof a.snapshot.version !== 'number') {
    throw new Error('corpus asset has no index snapshot');
  }
  return a as CorpusAsset;
}
