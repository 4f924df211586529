// The baseline the eval prints beside the engine: a naive exact n-gram matcher. Every page
// position whose n-gram (normalised text) occurs in a corpus document marks those n characters
// as reused from that document; runs of marked positions become passages. No formula, no
// families, no vote: it finds every verbatim run and cannot tell formula from copying.
import type { CorpusDoc } from '../../core/model/types';
import { normalize, toOriginal } from '../../core/text/normalize';

export const NAIVE_N = 10;

export interface NaivePassage {
  start: number;
  end: number;
  docId: string;
}

/** Two 32-bit hashes of text[i, i + n) packed into one safe integer (collisions negligible). */
export function gramKeys(t: string, n = NAIVE_N): Float64Array {
  const out = new Float64Array(Math.max(0, t.length - n + 1));
  for (let i = 0; i + n <= t.length; i++) {
    let a = 0x811c9dc5;
    let b = 5381;
    for (let k = i; k < i + n; k++) {
      const c = t.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = (Math.imul(b, 33) + c) | 0;
    }
    out[i] = (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff);
  }
  return out;
}

export class NaiveMatcher {
  private ids: string[] = [];
  /** n-gram key → document index, or a list of them. */
  private grams = new Map<number, number | number[]>();

  constructor(docs: CorpusDoc[]) {
    for (const d of docs) {
      const k = this.ids.length;
      this.ids.push(d.id);
      for (const g of gramKeys(normalize(d.body).text)) {
        const v = this.grams.get(g);
        if (v === undefined) this.grams.set(g, k);
        else if (typeof v === 'number') {
          if (v !== k) this.grams.set(g, [v, k]);
        } else if (v[v.length - 1] !== k) v.push(k);
      }
    }
  }

  /** Passages (original page offsets): per document, runs of page n-grams it holds. */
  match(page: string, exclude?: string): NaivePassage[] {
    const n = normalize(page);
    const keys = gramKeys(n.text);
    const open = new Map<number, [number, number]>();
    const out: NaivePassage[] = [];
    const close = (k: number, r: [number, number]): void => {
      const o = toOriginal(n, r[0], r[1] + NAIVE_N);
      out.push({ start: o.start, end: o.end, docId: this.ids[k]! });
    };
    for (let i = 0; i < keys.length; i++) {
      const v = this.grams.get(keys[i]!);
      const holders = v === undefined ? [] : typeof v === 'number' ? [v] : v;
      for (const k of holders) {
        if (this.ids[k] === exclude) continue;
        const r = open.get(k);
        if (r && r[1] === i - 1) r[1] = i;
        else {
          if (r) close(k, r);
          open.set(k, [i, i]);
        }
      }
    }
    for (const [k, r] of open) close(k, r);
    return out.sort((a, b) => a.start - b.start);
  }
}
