// Groups lookup hits by speech and finds where the hit sits inside its KWIC context.
import { TUNABLES } from '../../core/model/tunables';
import type { LookupHit } from '../../core/model/types';

export interface HitGroup {
  docId: string;
  title: string;
  hits: LookupHit[];
}

/** Groups in order of first appearance (the engine's ranking), hits in document order. */
export function groupHits(hits: readonly LookupHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const h of hits) {
    let g = groups.get(h.docId);
    if (!g) groups.set(h.docId, (g = { docId: h.docId, title: h.title, hits: [] }));
    g.hits.push(h);
  }
  for (const g of groups.values()) g.hits.sort((a, b) => a.start - b.start);
  return [...groups.values()];
}

/**
 * Splits a hit's context into before / hit / after. The query is found directly when the scripts
 * agree; otherwise (a Traditional hit for a Simplified query) the hit is placed where the engine
 * cut the context: lookupContext characters before it, fewer only at the document start. (Not
 * half the context: near the document end the context is shorter after the hit than before it.)
 */
export function splitContext(hit: LookupHit, query: string): [string, string, string] {
  const ctx = hit.context;
  const len = hit.end - hit.start;
  let at = query ? ctx.indexOf(query) : -1;
  if (at < 0 || ctx.indexOf(query, at + 1) >= 0) {
    const guess = Math.min(hit.start, TUNABLES.lookupContext.default, ctx.length - len);
    at = at >= 0 && ctx.indexOf(query, at + 1) >= 0 ? nearest(ctx, query, guess) : guess;
  }
  at = Math.max(0, Math.min(at, ctx.length));
  return [ctx.slice(0, at), ctx.slice(at, at + len), ctx.slice(at + len)];
}

function nearest(ctx: string, query: string, guess: number): number {
  let best = -1;
  for (let i = ctx.indexOf(query); i >= 0; i = ctx.indexOf(query, i + 1)) {
    if (best < 0 || Math.abs(i - guess) < Math.abs(best - guess)) best = i;
  }
  return best;
}
