import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentService,
  createProxy,
  dispatchRequest,
  emitPanelEvent,
  onPanelEvent,
  registerContentService,
  registerSuyuanService,
  suyuan,
  type RpcRequest,
} from '../../../extension/messaging';
import type { PanelEvent } from '../../../extension/protocol';

beforeEach(() => {
  fakeBrowser.reset();
});

/** A service with the shapes the real one returns, plus failures. */
const impl = {
  async lookup(query: string, limit?: number) {
    return { query, total: 1, hits: [], limit: limit ?? null };
  },
  async getDoc(_id: string) {
    return null;
  },
  async removeDoc(id: string): Promise<boolean> {
    throw new Error(`cannot remove ${id}`);
  },
  async analyzePage(page: { url: string }, tabId?: number) {
    return { url: page.url, tabId: tabId ?? null };
  },
  notAsync() {
    return 42;
  },
};

/** The transport a real browser offers: structured clone (JSON here) both ways. */
function jsonTransport(target: object, sender = {}) {
  return async (req: RpcRequest) =>
    JSON.parse(JSON.stringify(await dispatchRequest(target, JSON.parse(JSON.stringify(req)), sender)));
}

describe('dispatchRequest + createProxy', () => {
  it('round-trips arguments and results, including null', async () => {
    const proxy = createProxy<typeof impl>('service', jsonTransport(impl));
    await expect(proxy.lookup('高质量发展', 3)).resolves.toEqual({ query: '高质量发展', total: 1, hits: [], limit: 3 });
    await expect(proxy.getDoc('x')).resolves.toBeNull();
    await expect(proxy.notAsync()).resolves.toBe(42);
  });

  it('carries errors as messages and rethrows them as Error', async () => {
    const proxy = createProxy<typeof impl>('service', jsonTransport(impl));
    const err = await proxy.removeDoc('reports/a.md').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('cannot remove reports/a.md');
    const reply = await dispatchRequest(impl, { __suyuan: 'service', method: 'removeDoc', args: ['y'] });
    expect(reply).toEqual({ ok: false, error: 'cannot remove y' });
  });

  it('refuses unknown and inherited methods', async () => {
    expect(await dispatchRequest(impl, { __suyuan: 'service', method: 'nope', args: [] })).toEqual({
      ok: false,
      error: 'Unknown method: nope',
    });
    const inherited = await dispatchRequest(impl, { __suyuan: 'service', method: 'toString', args: [] });
    expect(inherited.ok).toBe(false);
  });

  it("fills analyzePage's missing tab id from the sender's tab", async () => {
    const proxy = createProxy<typeof impl>('service', jsonTransport(impl, { tab: { id: 7 } }));
    await expect(proxy.analyzePage({ url: 'https://a.cn/' })).resolves.toEqual({ url: 'https://a.cn/', tabId: 7 });
    await expect(proxy.analyzePage({ url: 'https://a.cn/' }, 9)).resolves.toEqual({ url: 'https://a.cn/', tabId: 9 });
  });

  it('a missing reply becomes a clear error, and the proxy is not thenable', async () => {
    const proxy = createProxy<typeof impl>('service', async () => undefined);
    await expect(proxy.lookup('x')).rejects.toThrow(/No answer to lookup/);
    expect((proxy as unknown as { then?: unknown }).then).toBeUndefined();
  });
});

describe('over the (fake) browser runtime', () => {
  it('suyuan.* reaches registerSuyuanService and errors come back', async () => {
    const off = registerSuyuanService(impl);
    await expect(suyuan.lookup('同志们', 2)).resolves.toMatchObject({ query: '同志们', limit: 2 });
    await expect(suyuan.removeDoc('z')).rejects.toThrow('cannot remove z');
    off();
    await expect(suyuan.lookup('x')).rejects.toThrow();
  });

  it('ignores messages that are not its own', async () => {
    registerSuyuanService(impl);
    const other = vi.fn(() => Promise.resolve('other'));
    fakeBrowser.runtime.onMessage.addListener(other);
    const replies = await fakeBrowser.runtime.sendMessage({ hello: 1 });
    expect(replies).toBe('other');
  });

  it('contentService(tab) sends to that tab and registerContentService answers', async () => {
    const reveal = vi.fn(async (s: number, e: number) => s < e);
    registerContentService({
      reveal,
      refresh: async () => undefined,
      getPageText: async () => null,
      update: async () => undefined,
    });
    // fake-browser has no tabs.sendMessage: route it to the runtime listeners, as a tab would.
    const sendMessage = vi.fn((_tabId: number, msg: unknown) => fakeBrowser.runtime.sendMessage(msg));
    (fakeBrowser.tabs as unknown as { sendMessage: typeof sendMessage }).sendMessage = sendMessage;
    await expect(contentService(12).reveal(3, 9)).resolves.toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(12, expect.objectContaining({ method: 'reveal', args: [3, 9] }));
    await expect(contentService(12).getPageText()).resolves.toBeNull();
  });

  it('panel events reach onPanelEvent; emitting with no panel open does not throw', async () => {
    await expect(emitPanelEvent({ type: 'corpus-changed' })).resolves.toBeUndefined();
    const seen: PanelEvent[] = [];
    const off = onPanelEvent((ev) => seen.push(ev));
    await emitPanelEvent({ type: 'lookup', query: '新质生产力' });
    await emitPanelEvent({ type: 'show-passage', tabId: 3, passageIndex: 1 });
    off();
    await emitPanelEvent({ type: 'corpus-changed' });
    expect(seen).toEqual([
      { type: 'lookup', query: '新质生产力' },
      { type: 'show-passage', tabId: 3, passageIndex: 1 },
    ]);
  });
});
