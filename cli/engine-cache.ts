// Building the index of the bundled corpus takes seconds; restoring a snapshot takes a fraction of
// that. The CLI keeps one snapshot per corpus folder in the user's cache directory, keyed by a hash
// of the documents: any change to the corpus (or the engine version) misses and rebuilds. The file
// is a header line (format, key, SHA-256 of the snapshot text) and the snapshot: a damaged entry
// (truncated, edited, a flipped bit) fails the checksum, or the restore, and is rebuilt, said once
// on stderr, instead of answering with a wrong index or failing every later run.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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

const FORMAT = 'suyuan-cache/2';

interface CacheHeader {
  format: string;
  /** Hash of the engine version and every document's id, title and body. */
  key: string;
  /** SHA-256 of the snapshot text after the header line. */
  sha256: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Identifies exactly this corpus for this engine version; any edit changes it. */
export function corpusKey(docs: CorpusDoc[]): string {
  const h = createHash('sha256').update(`v${SNAPSHOT_VERSION}\0`);
  for (const d of docs)
    h.update(JSON.stringify([d.id, d.title, d.body.length]))
      .update(d.body)
      .update('\0');
  return h.digest('hex');
}

type CacheRead = { snapshot: EngineSnapshot } | { stale: true } | { damaged: string };

/** The cached snapshot for `key`; stale when absent or for another corpus; damaged when it lies. */
async function readCache(file: string, key: string): Promise<CacheRead> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return { stale: true }; // absent (or unreadable: then writing fails quietly too)
  }
  const nl = raw.indexOf('\n');
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(nl < 0 ? raw : raw.slice(0, nl)) as Partial<CacheHeader>;
  } catch {
    return { damaged: 'unreadable header' };
  }
  if (header?.format !== FORMAT) return { stale: true }; // an older CLI's file: replaced quietly
  if (header.key !== key) return { stale: true };
  const body = nl < 0 ? '' : raw.slice(nl + 1);
  if (sha256(body) !== header.sha256) return { damaged: 'checksum mismatch' };
  try {
    return { snapshot: JSON.parse(body) as EngineSnapshot };
  } catch {
    return { damaged: 'invalid JSON' };
  }
}

export interface OpenedEngine {
  engine: SnapshotEngine;
  from: 'cache' | 'built';
}

/** The engine for `docs`, from the cache when it holds a sound copy; `warn` hears about a damaged one. */
export async function openCachedEngine(
  corpusDir: string,
  docs: CorpusDoc[],
  warn: (message: string) => void = () => {},
): Promise<OpenedEngine> {
  const dir = cacheDir();
  if (!dir) return { engine: createEngine(docs), from: 'built' };
  const file = cacheFile(dir, corpusDir);
  const key = corpusKey(docs);
  const cached = await readCache(file, key);
  let damaged = 'damaged' in cached ? cached.damaged : undefined;
  if ('snapshot' in cached) {
    try {
      return { engine: restoreEngine(docs, cached.snapshot), from: 'cache' };
    } catch (err) {
      damaged = `cannot restore: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  if (damaged) warn(`index cache ${file} is damaged (${damaged}); rebuilding it`);
  const engine = createEngine(docs);
  await writeCache(file, key, engine.snapshot());
  return { engine, from: 'built' };
}

async function writeCache(file: string, key: string, snapshot: EngineSnapshot): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const body = JSON.stringify(snapshot);
    const header: CacheHeader = { format: FORMAT, key, sha256: sha256(body) };
    await writeFile(tmp, `${JSON.stringify(header)}\n${body}`);
    await rename(tmp, file); // atomic: a concurrent reader sees the old or the new file, never half
  } catch {
    // A read-only home or a blocked cache path is fine: the next run just builds again. The
    // temporary file must not stay behind.
    await unlink(tmp).catch(() => {});
  }
}
