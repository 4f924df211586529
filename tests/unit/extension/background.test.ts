// setupBackground() wired to the fake browser: listeners, bundled-corpus fetch, tab lifecycle,
// and the side panel / sidebar paths.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchBundledCorpus, setupBackground } from '../../../extension/background';
import { createEngineHolder } from '../../../extension/background/engine-holder';
import { openPanel, setupActionOpensPanel } from '../../../extension/background/side-panel';
import { suyuan } from '../../../extension/messaging';
import { copiedPage, smallAsset, smallAssetBytes } from './helpers';

const sidePanel = () => ({ setPanelBehavior: vi.fn(async () => undefined), open: vi.fn(async () => undefined) });

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, {
    contextMenus: { create: vi.fn(), removeAll: vi.fn(async () => undefined), onClicked: { addListener: vi.fn() } },
    sidePanel: sidePanel(),
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(smallAssetBytes().slice(), { status: 200 })),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel;
  delete (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction;
});

describe('setupBackground', () => {
  it('serves suyuan.* over runtime messages, loading the bundled corpus from the extension', async () => {
    setupBackground();
    const docs = await suyuan.listDocs();
    expect(docs).toHaveLength(5);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe('chrome-extension://test-extension-id/corpus.bin');
    await suyuan.lookup('社会主义');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(
      (fakeBrowser as unknown as { sidePanel: ReturnType<typeof sidePanel> }).sidePanel.setPanelBehavior,
    ).toHaveBeenCalledWith({
      openPanelOnActionClick: true,
    });
  });

  it('creates the context menu on every start, not only on install (a browser restart; issue 13, fault 2)', async () => {
    setupBackground(); // no runtime.onInstalled event fires
    const menus = (fakeBrowser as unknown as { contextMenus: { create: ReturnType<typeof vi.fn> } }).contextMenus;
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalledTimes(2));
    expect(menus.create.mock.calls[0]![0]).toMatchObject({ id: 'suyuan-lookup', contexts: ['selection'] });
    expect(menus.create.mock.calls[1]![0]).toMatchObject({ id: 'suyuan-view-passage', visible: false });
  });

  it('clears a tab on navigation and on close', async () => {
    const service = setupBackground({ navSettleMs: 20 });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.example.gov.cn/speech/1.html' });
    await service.analyzePage(copiedPage(), tab.id);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toMatch(/%$/);
    // A fragment jump keeps it.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.example.gov.cn/speech/1.html#p2' });
    await vi.waitFor(async () => expect(await service.getTabAnalysis(tab.id!)).not.toBeNull());
    // Another page drops it and the badge.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.example.gov.cn/speech/2.html' });
    await vi.waitFor(async () => expect(await service.getTabAnalysis(tab.id!)).toBeNull());
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
    await service.analyzePage(copiedPage('https://www.example.gov.cn/speech/2.html'), tab.id);
    // fake-browser's tabs.remove() trips over its own window lookup: fire the event directly.
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { isWindowClosing: false, windowId: tab.windowId ?? 1 });
    await vi.waitFor(async () => expect(await service.getTabAnalysis(tab.id!)).toBeNull());
  });

  it('a build without a corpus asset still works (user documents only)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('not found', { status: 404 })),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await fetchBundledCorpus()).toBeNull();
    warn.mockRestore();
  });
});

describe('engine holder', () => {
  it('retries after a failed load instead of caching the failure', async () => {
    let calls = 0;
    const holder = createEngineHolder({
      bundled: async () => {
        if (++calls === 1) throw new Error('disk hiccup');
        return smallAsset();
      },
      userDocs: async () => [],
    });
    await expect(holder.get()).rejects.toThrow('disk hiccup');
    expect(holder.peek()).toBeNull();
    expect((await holder.get()).list()).toHaveLength(5);
    expect(calls).toBe(2);
  });
});

describe('engine holder: lookup is prepared when idle, never ahead of a waiting page', () => {
  function idleQueue() {
    const queued: (() => void)[] = [];
    const idle = (fn: () => void) => {
      queued.push(fn);
      return () => queued.splice(queued.indexOf(fn) >>> 0, 1);
    };
    /** Fires what is queued, as a timer would: once. */
    const fire = () => queued.splice(0).forEach((fn) => fn());
    return { queued, idle, fire };
  }

  it('queues prepare() for the quiet time, and a failing prepare only warns', async () => {
    const { queued, idle } = idleQueue();
    const holder = createEngineHolder({ bundled: async () => smallAsset(), userDocs: async () => [], idle });
    const engine = await holder.get();
    expect(queued).toHaveLength(1);
    const prepare = vi.spyOn(engine, 'prepare').mockImplementation(() => {
      throw new Error('out of memory');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => queued[0]!()).not.toThrow();
    await holder.settled();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    // The first lookup prepares by itself.
    prepare.mockRestore();
    expect(engine.lookup('政府工作报告').total).toBeGreaterThan(0);
  });

  it('a request in flight holds preparation back until after its answer, and each request re-arms it', async () => {
    const { queued, idle, fire } = idleQueue();
    const holder = createEngineHolder({ bundled: async () => smallAsset(), userDocs: async () => [], idle });
    const engine = await holder.get();
    const prepare = vi.spyOn(engine, 'prepare');
    let release!: () => void;
    const answer = holder.use(async () => {
      // The idle time passes while the page still waits for its answer.
      fire();
      await new Promise<void>((r) => (release = r));
      return 'answer';
    });
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    expect(prepare).not.toHaveBeenCalled();
    release();
    expect(await answer).toBe('answer');
    expect(prepare).not.toHaveBeenCalled();
    // Re-armed once the answer went out: one timer, not one per request.
    expect(queued).toHaveLength(1);
    await holder.get();
    expect(queued).toHaveLength(1);
    fire();
    await holder.settled();
    expect(prepare).toHaveBeenCalledTimes(1);
    // Prepared once: later requests queue nothing.
    await holder.get();
    expect(queued).toHaveLength(0);
  });
});

describe('panel opening', () => {
  it('Chromium: sidePanel.open for the tab', async () => {
    const sp = (fakeBrowser as unknown as { sidePanel: ReturnType<typeof sidePanel> }).sidePanel;
    expect(await openPanel(3)).toBe(true);
    expect(sp.open).toHaveBeenCalledWith({ tabId: 3 });
    sp.open.mockRejectedValueOnce(new Error('may only be called in response to a user gesture'));
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    expect(await openPanel(3)).toBe(false);
    debug.mockRestore();
  });

  it('Firefox: the action button toggles the sidebar, and openPanel opens it', async () => {
    delete (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel;
    const sidebarAction = { open: vi.fn(async () => undefined), toggle: vi.fn(async () => undefined) };
    const onClicked = { addListener: vi.fn() };
    Object.assign(fakeBrowser, { sidebarAction });
    Object.assign(fakeBrowser.action, { onClicked });
    setupActionOpensPanel();
    expect(onClicked.addListener).toHaveBeenCalledTimes(1);
    (onClicked.addListener.mock.calls[0]![0] as () => void)();
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
    expect(await openPanel(5)).toBe(true);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });
});
