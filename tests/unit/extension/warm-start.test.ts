// A new worker loads its engine and runs one small analysis before any page asks (WARM_START in
// extension/background/engine-holder.ts), without queueing idle work behind it.
import { describe, expect, it, vi } from 'vitest';
import { createEngineHolder } from '../../../extension/background/engine-holder';
import { smallAsset } from './helpers';

describe('warm start', () => {
  it('preload loads the engine once, runs the warm-up, and queues no idle work', async () => {
    const idle = vi.fn(() => () => undefined);
    const bundled = vi.fn(async () => smallAsset());
    const holder = createEngineHolder({ bundled, userDocs: async () => [], idle });
    const seen: number[] = [];
    await holder.preload(async (engine, how) => {
      const first = engine.list()[0]!;
      const a = await engine.analyseLoading(engine.get(first.id)!.body.slice(0, 3000), undefined, {
        ...how,
        deferFirstSeen: true,
      });
      seen.push(a.match.passages.length);
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0); // the text's own source is found
    expect(idle).not.toHaveBeenCalled();
    expect(holder.peek()).not.toBeNull();
    // The page's request then uses the same engine (no second load), and arms the idle work.
    await holder.use(async (e) => e.list());
    expect(bundled).toHaveBeenCalledTimes(1);
    expect(idle).toHaveBeenCalled();
  });

  it('a failing load is not thrown from preload, and the next request loads again', async () => {
    let fail = true;
    const holder = createEngineHolder({
      bundled: async () => {
        if (fail) throw new Error('no asset');
        return smallAsset();
      },
      userDocs: async () => [],
      idle: () => () => undefined,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(holder.preload()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    fail = false;
    expect((await holder.get()).list().length).toBeGreaterThan(0);
  });

  it('skips the warm-up when a page asked while the engine loaded', async () => {
    const { holder, warm } = holderWithWarmUp();
    const preloading = holder.preload(warm);
    await holder.use(async (e) => e.list());
    await preloading;
    expect(warm).not.toHaveBeenCalled();
  });

  it("skips the warm-up when a page's request arrived while the engine loaded, before it used the engine", async () => {
    const { holder, warm } = holderWithWarmUp();
    const preloading = holder.preload(warm);
    holder.announce(); // analyzePage sets the tab's badge before it asks the engine
    await preloading;
    expect(warm).not.toHaveBeenCalled();
  });
});

/** An engine over the small bundled asset and no user documents, with a warm-up spy. */
function holderWithWarmUp() {
  const holder = createEngineHolder({
    bundled: async () => smallAsset(),
    userDocs: async () => [],
    idle: () => () => undefined,
  });
  return { holder, warm: vi.fn(async () => undefined) };
}
