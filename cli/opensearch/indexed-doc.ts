// One speech as the index holds it, and the content hashes that make indexing idempotent.
import { createHash } from 'node:crypto';
import { sketchOf } from '../../core/index/families';
import { fingerprints } from '../../core/index/grams';
import type { CorpusDoc } from '../../core/model/types';
import { normalize } from '../../core/text/normalize';
import { LAYOUT_VERSION } from './layout';

export function docHash(d: CorpusDoc): string {
  return createHash('sha256').update(`${LAYOUT_VERSION}\0`).update(JSON.stringify(d)).digest('hex').slice(0, 32);
}

export function corpusHash(hashes: string[]): string {
  const h = createHash('sha256');
  for (const x of [...hashes].sort()) h.update(x);
  return h.digest('hex').slice(0, 32);
}

/** The indexed form of a document (fp and norm are derived, so any copy can be rebuilt from doc). */
export function indexedDoc(d: CorpusDoc, hash: string, seq: number, family: number): Record<string, unknown> {
  const norm = normalize(d.body).text;
  const fps = fingerprints(norm);
  const sketch = sketchOf(fps);
  return {
    doc: d,
    hash,
    seq,
    family,
    ...(d.date ? { date: d.date } : {}),
    sketch_size: sketch.length,
    fp: Array.from(fps, String),
    sketch: sketch.map(String),
    norm,
  };
}
