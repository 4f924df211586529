// Phrase counts kept between pages. Every page asks about the same formula wording again (高质量发展,
// 以习近平同志为核心的党中央), and each count is a search over the phrase's bigram postings; kept
// here, a later page asks only what no page asked before. Bounded (least recently used first out)
// and emptied whenever the index may have changed: the backend compares the index's write
// generation (its uuid, the index and delete operations and the refreshes it has seen) at the start
// of every page (OpenSearchBackend.count), so a count is never older than the page asking for it.
import type { PhraseCount } from '../../core/boilerplate/boilerplate';

type Counted = PhraseCount & { whole?: boolean };

/** Phrases kept: ~100 bytes each with the Map's overhead, so about 10 MB at most. */
export const COUNT_CACHE_MAX = 100_000;

export class CountCache {
  private readonly map = new Map<string, Counted>();
  private generation = '';
  hits = 0;

  constructor(private readonly max = COUNT_CACHE_MAX) {}

  /** The count for the normalised phrase q if one known answers it: a whole count always, a
   *  count that stopped at `need` only a question needing no more. */
  get(q: string, need?: number): Counted | undefined {
    const c = this.map.get(q);
    if (!c || !(c.whole || (need !== undefined && c.families >= need))) return undefined;
    this.map.delete(q);
    this.map.set(q, c);
    this.hits++;
    return c;
  }

  set(q: string, c: Counted): void {
    const old = this.map.get(q);
    if (old?.whole && !c.whole) return;
    this.map.delete(q);
    this.map.set(q, c);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  /** Empties the cache when the index's generation is not the one its counts were read at. */
  at(generation: string): void {
    if (generation === this.generation) return;
    this.map.clear();
    this.generation = generation;
  }

  get size(): number {
    return this.map.size;
  }
}
