// The bundled corpus as one binary asset, prepared at build time (wxt.config.ts) so the background
// only restores a ready index instead of indexing ~2 M characters on every worker start. It is
// fetched as an ArrayBuffer: the document bodies are one UTF-16 section decoded in one call, and
// the index is the engine's binary snapshot, whose arrays are viewed in place (no JSON parse of
// megabytes, no base64).
import { createEngine } from '../core/engine';
import { decodeContainer, encodeContainer } from '../core/index/binary-container';
import type { CorpusDoc, DocMeta } from '../core/model/types';

/** Path of the asset inside the built extension. */
export const CORPUS_ASSET_PATH = '/corpus.bin';
/** 1: JSON (corpus.json). 2: binary container with the engine's binary snapshot. */
export const CORPUS_ASSET_VERSION = 2;
/** "SYCA" as a little-endian u32. */
const ASSET_MAGIC = 0x41435953;

export interface CorpusAsset {
  version: number;
  docs: CorpusDoc[];
  /** The engine's binary snapshot (restoreEngine takes it as is). */
  snapshot: Uint8Array;
}

interface AssetHead {
  version: number;
  docs: (DocMeta & { length: number })[];
}

export function buildCorpusAsset(docs: CorpusDoc[]): Uint8Array {
  const bundled = docs.map((d) => ({ ...d, origin: 'bundled' as const }));
  const snapshot = createEngine(bundled).snapshotBytes();
  const all = bundled.map((d) => d.body).join('');
  // Written little-endian explicitly, whatever the build machine is.
  const bodies = new Uint8Array(all.length * 2);
  for (let i = 0; i < all.length; i++) {
    const c = all.charCodeAt(i);
    bodies[2 * i] = c & 0xff;
    bodies[2 * i + 1] = c >> 8;
  }
  const head: AssetHead = {
    version: CORPUS_ASSET_VERSION,
    docs: bundled.map(({ body, ...m }) => ({ ...m, length: body.length })),
  };
  return encodeContainer(ASSET_MAGIC, head, { bodies, snapshot });
}

/** Reads the asset; a mismatch means a stale or broken build. */
export function parseCorpusAsset(data: ArrayBuffer | Uint8Array): CorpusAsset {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const { head, sections } = decodeContainer<AssetHead>(ASSET_MAGIC, bytes, 'corpus asset');
  if (head.version !== CORPUS_ASSET_VERSION)
    throw new Error(`corpus asset version ${String(head.version)} is not ${CORPUS_ASSET_VERSION}`);
  if (!Array.isArray(head.docs) || !sections.bodies) throw new Error('corpus asset has no docs');
  if (!sections.snapshot) throw new Error('corpus asset has no index snapshot');
  const all = new TextDecoder('utf-16le').decode(sections.bodies);
  const docs: CorpusDoc[] = [];
  let at = 0;
  for (const m of head.docs) {
    const { length, ...meta } = m;
    if (typeof meta.id !== 'string' || typeof meta.title !== 'string' || !Number.isInteger(length)) {
      throw new Error('corpus asset holds a malformed document');
    }
    docs.push({ ...meta, body: all.slice(at, at + length) });
    at += length;
  }
  if (at !== all.length) throw new Error('corpus asset bodies do not add up');
  return { version: head.version, docs, snapshot: sections.snapshot };
}
