// Phrase lookup: candidate documents come from the index (the rarest winnowed fingerprint of the
// query, or for short queries the intersection of per-character document sets), then each
// candidate's normalised text is searched to count and place every occurrence exactly.
import type { LookupOptions } from '../model/engine-api';
import type { LookupHit, LookupResult } from '../model/types';
import type { CorpusStore } from '../index/corpus-store';
import { GRAM, NO_HASH, WINDOW, gramHashes, winnow } from '../index/grams';
import { normalize, toOriginal } from '../text/normalize';

function candidateSlots(store: CorpusStore, q: string): number[] {
  if (q.length >= GRAM + WINDOW - 1) {
    const hs = gramHashes(q);
    let best = -1;
    let bestDf = Infinity;
    for (const p of winnow(hs)) {
      const h = hs[p]!;
      if (h === NO_HASH) continue;
      const df = store.fp.df(h);
      if (df < bestDf) {
        bestDf = df;
        best = h;
      }
    }
    if (best >= 0) {
      const slots: number[] = [];
      store.fp.forEach(best, (s) => slots.push(s));
      return slots.sort((a, b) => a - b);
    }
  }
  return store.chars.candidates(q);
}

export function lookupPhrase(store: CorpusStore, query: string, options: LookupOptions = {}): LookupResult {
  const limit = options.limit ?? 50;
  const ctx = options.contextChars ?? 20;
  const q = normalize(query).text;
  const hits: LookupHit[] = [];
  let total = 0;
  if (!q) return { query, total, hits };
  for (const slot of candidateSlots(store, q)) {
    const doc = store.docs[slot];
    if (!doc) continue;
    const n = store.norm(slot);
    for (let at = n.text.indexOf(q); at >= 0; at = n.text.indexOf(q, at + 1)) {
      total++;
      if (hits.length >= limit) continue;
      const o = toOriginal(n, at, at + q.length);
      hits.push({
        docId: doc.id,
        title: doc.title,
        start: o.start,
        end: o.end,
        context: doc.body.slice(Math.max(0, o.start - ctx), Math.min(doc.body.length, o.end + ctx)),
      });
    }
  }
  return { query, total, hits };
}
