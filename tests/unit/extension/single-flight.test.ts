// One page's analysis is single-flight (extension/background/single-flight.ts): the content script's
// request and the panel's, arriving together on a fresh worker, share one analysis; and bodies
// being read are shared by every request that needs them (SHARED_READS in engine-bodies.ts).
import { describe, expect, it, vi } from 'vitest';
import type { SnapshotEngine } from '../../../core/engine';
import { UserDocStore } from '../../../extension/storage/user-docs';
import { pageCopying, testBackground, USER_SEEDS, withUserSeeds, type TestBackground } from './helpers';

/** A fresh "worker" over a persisted user corpus of the four seeds (no body in memory), with its
 *  store's body reads and its engine's analyses counted. */
async function coldWorker(): Promise<{ bg: TestBackground; engine: SnapshotEngine; ids: string[] }> {
  const { first, ids, dbName } = await withUserSeeds();
  await first.idle(); // the index is written to IndexedDB
  const bg = testBackground({ dbName });
  const engine = await bg.deps.engine.get();
  vi.spyOn(engine, 'analyseLoading');
  vi.spyOn(bg.store, 'bodies');
  return { bg, engine, ids };
}

/** Every id the store was asked for, one entry per read. */
const reads = (bg: TestBackground) => vi.mocked(bg.store.bodies).mock.calls.flatMap((c) => c[0]);

describe('one analysis per page in flight', () => {
  it('two requests for the same tab and page: one analysis, each body read once', async () => {
    const { bg, engine, ids } = await coldWorker();
    const page = pageCopying(USER_SEEDS[0]!.body);
    const [a, b] = await Promise.all([bg.service.analyzePage(page, 2), bg.service.analyzePage(page, 2)]);
    expect(engine.analyseLoading).toHaveBeenCalledTimes(1);
    expect(reads(bg)).toContain(ids[0]); // the page is aligned with its source's body
    expect(reads(bg).length).toBe(new Set(reads(bg)).size);
    expect(b).toEqual(a);
    expect(a!.match.passages.some((p) => p.docId === ids[0])).toBe(true);
  });

  it("the panel asking while the page's request runs waits for it instead of analysing again", async () => {
    const { bg, engine } = await coldWorker();
    const page = pageCopying(USER_SEEDS[1]!.body);
    bg.content.getPageText.mockResolvedValue(page);
    const asked = bg.service.analyzePage(page, 3);
    await Promise.resolve();
    const [a, panel] = await Promise.all([asked, bg.service.getTabAnalysis(3)]);
    expect(bg.content.getPageText).not.toHaveBeenCalled();
    expect(engine.analyseLoading).toHaveBeenCalledTimes(1);
    expect(panel).toEqual(a);
  });

  it("the page's request arriving while the panel's analysis of it runs shares that analysis", async () => {
    const { bg, engine } = await coldWorker();
    const page = pageCopying(USER_SEEDS[2]!.body);
    bg.content.getPageText.mockResolvedValue(page);
    // The panel's analysis has started, and is reading bodies, when the page asks.
    let reading!: () => void;
    const started = new Promise<void>((ok) => (reading = ok));
    const read = UserDocStore.prototype.bodies.bind(bg.store);
    vi.mocked(bg.store.bodies).mockImplementation(async (ids) => {
      reading();
      await new Promise((ok) => setTimeout(ok, 50));
      return read(ids);
    });
    const panel = bg.service.getTabAnalysis(4);
    await started;
    const [p, a] = await Promise.all([panel, bg.service.analyzePage(page, 4)]);
    expect(engine.analyseLoading).toHaveBeenCalledTimes(1);
    expect(a).toEqual(p);
    expect(reads(bg).length).toBe(new Set(reads(bg)).size);
  });

  it('a different page in the same tab is analysed, not answered with the other', async () => {
    const { bg, engine } = await coldWorker();
    const [a, b] = await Promise.all([
      bg.service.analyzePage(pageCopying(USER_SEEDS[0]!.body), 5),
      bg.service.analyzePage(pageCopying(USER_SEEDS[3]!.body), 5),
    ]);
    expect(engine.analyseLoading).toHaveBeenCalledTimes(2);
    expect(a!.page.text).not.toBe(b!.page.text);
  });

  it('two tabs showing the same page: two analyses, but each body is read once', async () => {
    const { bg, engine, ids } = await coldWorker();
    const page = pageCopying(USER_SEEDS[0]!.body);
    const [a, b] = await Promise.all([bg.service.analyzePage(page, 6), bg.service.analyzePage(page, 7)]);
    expect(engine.analyseLoading).toHaveBeenCalledTimes(2);
    expect(reads(bg)).toContain(ids[0]);
    expect(reads(bg).length).toBe(new Set(reads(bg)).size);
    expect(b!.match).toEqual(a!.match);
  });

  it('a warm-up stops at its next body read once a page has asked', async () => {
    const { bg, ids } = await coldWorker();
    const warn = vi.spyOn(console, 'warn');
    let stopped: unknown = null;
    await bg.deps.engine.preload(async (_engine, how) => {
      await bg.deps.engine.use(() => undefined); // a page's request
      await how.load([ids[1]!]).catch((err: unknown) => {
        stopped = err;
        throw err;
      });
    });
    expect(stopped).toBeInstanceOf(Error);
    expect(reads(bg)).not.toContain(ids[1]);
    expect(warn).not.toHaveBeenCalled();
  });
});
