// Wires the background together. Every listener is registered synchronously in setupBackground:
// an MV3 worker woken by an event only delivers it to listeners added in its first turn.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { LoadingOptions } from '../../core/analyse';
import type { SnapshotEngine } from '../../core/engine';
import type { CorpusDoc } from '../../core/model/types';
import { CORPUS_ASSET_PATH, parseCorpusAsset, type CorpusAsset } from '../corpus-asset';
import { contentService, emitPanelEvent, registerSuyuanService } from '../messaging';
import type { ContentService, SuyuanService } from '../protocol';
import { loadSettings, replaceSettings, saveSettings } from '../settings';
import { UserDocStore } from '../storage/user-docs';
import { setBadge } from './badge';
import { startMark } from './marks';
import { createContextMenu, handleContextMenuClick } from './context-menu';
import { createEngineHolder } from './engine-holder';
import { createSuyuanService, type PendingPassage, type PendingStore } from './service';
import { openPanel, setupActionOpensPanel } from './side-panel';
import { createPassageMenu, VIEW_MENU_ID, type PassageMenu } from './passage-menu';
import { TabAnalyses } from './tab-state';

/** The bundled corpus from the extension's own files (the only request the extension makes). */
export async function fetchBundledCorpus(): Promise<CorpusAsset | null> {
  const url = (browser.runtime.getURL as (path: string) => string)(CORPUS_ASSET_PATH);
  let res: Response;
  startMark('asset-fetch');
  try {
    res = await fetch(url);
  } catch (err) {
    console.warn('[suyuan] no bundled corpus in this build:', err);
    return null;
  }
  if (!res.ok) {
    console.warn(`[suyuan] no bundled corpus in this build (HTTP ${res.status})`);
    return null;
  }
  const bytes = await res.arrayBuffer();
  startMark('asset-read');
  const asset = parseCorpusAsset(bytes);
  startMark('asset-parsed');
  return asset;
}

export function sessionPending<T>(key: `session:${string}`): PendingStore<T> {
  const item = storage.defineItem<T | null>(key, { fallback: null });
  return {
    async set(value) {
      await item.setValue(value);
    },
    async take() {
      const q = await item.getValue();
      if (q !== null) await item.removeValue();
      return q;
    },
  };
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** After an in-page URL change, the old analysis (and badge) stays this long for the content
 *  script's re-analysis to replace it; only then is it dropped. Clearing at once made the badge
 *  flap on pages that call history.pushState every few hundred milliseconds. */
export const NAV_SETTLE_MS = 6000;

/** Completes the analyses answered without firstSeen, now that lookup's text is built (the
 *  re-analysis stores them and tells open panels), and gives each to its tab's content script:
 *  its marks and hover cards came from the first answer, whose 提法 counts were the index's
 *  estimate (a fingerprint's documents), not lookup's count of the whole phrase. */
export async function completeFirstSeen(
  tabs: TabAnalyses,
  service: SuyuanService,
  content: (tabId: number) => Pick<ContentService, 'update'> = contentService,
): Promise<void> {
  for (const tabId of tabs.tabIds()) {
    if (!(await tabs.get(tabId))?.firstSeenPending) continue;
    const analysis = await service.getTabAnalysis(tabId);
    if (!analysis) continue;
    await content(tabId)
      .update(analysis)
      .catch((err: unknown) => console.debug('[suyuan] update after lookup ready:', err));
  }
}

/** Characters of a bundled speech analysed to warm a new worker up. */
const WARM_CHARS = 3000;

/** One analysis of the start of a bundled speech (pure: nothing is shown or stored). */
async function warmUp(engine: SnapshotEngine, how: Pick<LoadingOptions, 'load' | 'collect'>): Promise<void> {
  const first = engine.list().find((m) => m.origin === 'bundled');
  const body = first && engine.get(first.id)?.body;
  if (!body) return;
  await engine.analyseLoading(body.slice(0, WARM_CHARS), undefined, { ...how, deferFirstSeen: true });
  startMark('warmed');
}

/** The "view this passage" menu item over the browser's menus (passage-menu.ts). */
function passageMenu(pendingPassage: PendingStore<PendingPassage>): PassageMenu {
  return createPassageMenu({
    setVisible: async (visible) => {
      await browser.contextMenus.update(VIEW_MENU_ID, { visible });
    },
    openPanel,
    showPassage: async (tabId, passageIndex) => {
      await pendingPassage.set({ tabId, passageIndex, at: Date.now() });
      await emitPanelEvent({ type: 'show-passage', tabId, passageIndex });
    },
  });
}

export function setupBackground(opts: { navSettleMs?: number } = {}): SuyuanService {
  startMark('worker-setup');
  const navSettleMs = opts.navSettleMs ?? NAV_SETTLE_MS;
  const store = new UserDocStore();
  const tabs = new TabAnalyses();
  const pending = sessionPending<string>('session:pendingLookup');
  const pendingPassage = sessionPending<PendingPassage>('session:pendingPassage');
  const pointer = passageMenu(pendingPassage);
  const engine = createEngineHolder({
    bundled: fetchBundledCorpus,
    userDocs: async (): Promise<CorpusDoc[]> => store.list(),
    index: { load: () => store.loadIndex(), save: (bytes) => store.saveIndex(bytes) },
    lazy: { metas: () => store.metas(), bodies: (ids) => store.bodies(ids) },
    onLookupReady: () => {
      completeFirstSeen(tabs, service).catch((err: unknown) => console.warn('[suyuan] firstSeen:', err));
    },
  });
  const service = createSuyuanService({
    engine,
    store,
    tabs,
    pending,
    pendingPassage,
    pointer,
    settings: { load: loadSettings, save: saveSettings, replace: replaceSettings },
    setBadge,
    content: contentService,
    emit: emitPanelEvent,
    openPanel,
  });

  registerSuyuanService(service);
  setupActionOpensPanel();
  // WARM_START (engine-holder.ts), once per worker, when a tab starts loading a page: not when the
  // worker is woken by the panel (an import stopped every 150 ms made no progress behind it).
  let warming = false;

  // Every start, not only onInstalled: Firefox drops the item when the browser restarts.
  createContextMenu().catch((err: unknown) => console.error('[suyuan] context menu:', err));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (pointer.onClicked(info, tab)) return;
    handleContextMenuClick(info, tab, {
      service,
      setPending: pending.set,
      emit: emitPanelEvent,
      openPanel,
    }).catch((err: unknown) => console.error('[suyuan] lookup from menu:', err));
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading' && change.url === undefined) return;
    if (change.status === 'loading' && !warming) {
      warming = true;
      void engine.preload(warmUp);
    }
    void (async () => {
      const current = await tabs.get(tabId);
      if (!current) return;
      // A load resets; an in-page URL change resets only if the page is different (a #fragment
      // jump keeps the analysis). The content script re-analyses after either.
      const moved = change.url !== undefined && stripHash(change.url) !== stripHash(current.page.url);
      if (change.status === 'loading') {
        await tabs.clear(tabId);
        await setBadge(tabId, '');
      } else if (moved) {
        const seen = current.analysedAt;
        setTimeout(() => {
          void (async () => {
            const now = await tabs.get(tabId);
            if (!now || now.analysedAt !== seen) return; // re-analysed meanwhile: keep it
            await tabs.clear(tabId);
            await setBadge(tabId, '');
          })().catch((err: unknown) => console.warn('[suyuan] tab update:', err));
        }, navSettleMs);
      }
    })().catch((err: unknown) => console.warn('[suyuan] tab update:', err));
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    pointer.activated(tabId).catch((err: unknown) => console.debug('[suyuan] menu item:', err));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    pointer.forget(tabId);
    tabs.clear(tabId).catch((err: unknown) => console.warn('[suyuan] tab close:', err));
  });

  return service;
}
