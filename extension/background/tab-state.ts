// The latest analysis of each tab. Kept in memory for speed and mirrored to storage.session so a
// worker that was stopped and restarted can still answer the panel without re-analysing.
import { storage } from 'wxt/utils/storage';
import type { PageAnalysis } from '../../core/model/page';

const key = (tabId: number) => `session:tab:${tabId}` as const;
const STALE_KEY = 'session:staleBefore' as const;

export class TabAnalyses {
  private readonly memory = new Map<number, PageAnalysis>();
  /** Bumped on every clear, so an analysis that finishes after its page went away is dropped. */
  private readonly generations = new Map<number, number>();
  private staleBefore: number | null = null;

  generation(tabId: number): number {
    return this.generations.get(tabId) ?? 0;
  }

  async get(tabId: number): Promise<PageAnalysis | null> {
    const hit = this.memory.get(tabId);
    if (hit) return hit;
    const stored = await safe(() => storage.getItem<PageAnalysis>(key(tabId)), null);
    if (stored) this.memory.set(tabId, stored);
    return stored ?? null;
  }

  /** Stores `analysis` unless the tab was cleared since `generation` was read. */
  async set(tabId: number, analysis: PageAnalysis, generation = this.generation(tabId)): Promise<boolean> {
    if (generation !== this.generation(tabId)) return false;
    this.memory.set(tabId, analysis);
    await safe(() => storage.setItem(key(tabId), analysis), undefined);
    return true;
  }

  async clear(tabId: number): Promise<void> {
    this.generations.set(tabId, this.generation(tabId) + 1);
    this.memory.delete(tabId);
    await safe(() => storage.removeItem(key(tabId)), undefined);
  }

  tabIds(): number[] {
    return [...this.memory.keys()];
  }

  /** Analyses older than this (ms) predate a corpus or settings change and must be redone. */
  async getStaleBefore(): Promise<number> {
    this.staleBefore ??= (await safe(() => storage.getItem<number>(STALE_KEY), null)) ?? 0;
    return this.staleBefore;
  }

  async markStale(now: number): Promise<void> {
    this.staleBefore = now;
    await safe(() => storage.setItem(STALE_KEY, now), undefined);
  }
}

/** storage.session is missing in old Firefox and quota-limited in Chrome: losing the mirror only
 *  costs a re-analysis, so its failures are logged, not thrown. */
async function safe<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    console.warn('[suyuan] session storage:', err);
    return fallback;
  }
}
