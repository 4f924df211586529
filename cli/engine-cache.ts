// Building the index of the bundled corpus takes seconds; restoring a snapshot takes a fraction of
// that. The CLI keeps one snapshot per corpus folder in the user's cache directory, keyed by a hash
// of the documents: any change to the corpus (or the engine version) misses and rebuilds, and
// restoreEngine checks every body's checksum again, so a cache can never answer for other texts.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SNAPSHOT_VERSION, createEngine, restoreEngine, type SnapshotEngine } from '../core/engine';
import type { EngineSnapshot } from '../core/model/engine-api';
import type { CorpusDoc } from '../core/model/types';

/** `SUYUAN_CACHE_DIR` overrides; `SUYUAN_CACHE_DIR=off` disables the cache. */
export function cacheDir(env = process.env): string | null {
  const override = env.SUYUAN_CACHE_DIR;
  if (override === 'off') return null;
  if (override) return override;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'suyuan');
}

function cacheFile(dir: string, corpusDir: string): string {
  const key = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(dir, `index-${key}.json`);
}

interface CacheFile {
  /** Hash of the engine version and every document's id, title and body. */
  key: string;
  snapshot: EngineSnapshot;
}

/** Identifies exactly this corpus for this engine version; any edit changes it. */
export function corpusKey(docs: CorpusDoc[]): string {
  const h = createHash('sha256').update(`v${SNAPSHOT_VERSION}\0`);
  for (const d of docs)
    h.update(JSON.stringify([d.id, d.title, d.body.length]))
      .update(d.body)
      .update('\0');
  return h.digest('hex');
}

async function readCache(file: string): Promise<CacheFile | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as CacheFile;
  } catch {
    return null; // absent or corrupt: rebuild
  }
}

export interface OpenedEngine {
  engine: SnapshotEngine;
  from: 'cache' | 'built';
}

export async function openCachedEngine(corpusDir: string, docs: CorpusDoc[]): Promise<OpenedEngine> {
  const dir = cacheDir();
  if (!dir) return { engine: createEngine(docs), from: 'built' };
  const file = cacheFile(dir, corpusDir);
  const key = corpusKey(docs);
  const cached = await readCache(file);
  if (cached?.key === key) return { engine: restoreEngine(docs, cached.snapshot), from: 'cache' };
  const engine = createEngine(docs);
  await writeCache(file, { key, snapshot: engine.snapshot() });
  return { engine, from: 'built' };
}

async function writeCache(file: string, content: CacheFile): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(content));
    await rename(tmp, file); // atomic: a concurrent reader sees the old or the new file, never half
  } catch {
    // A read-only home or cache is fine: the next run just builds again.
  }
}
