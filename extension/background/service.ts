// The background's SuyuanService: every request from the panel and the content scripts ends here.
// Dependencies are passed in, so tests run the real logic on a small real corpus with fakes only
// for the browser parts.
import type { Engine } from '../../core/model/engine-api';
import type { CorpusDoc, DocMeta, LookupResult, MatchOptions } from '../../core/model/types';
import type { ContentService, PanelEvent, SuyuanService } from '../protocol';
import type { NewDoc, PageAnalysis, PageText } from '../../core/model/page';
import type { Settings } from '../../core/model/settings';
import { TUNABLES } from '../../core/model/tunables';
import { createBackup, parseBackup, serializeBackup, settingsChanged } from '../storage/backup';
import { ADD_CHUNK_SIZE, isUserDocId, makeUserDoc, type UserDocStore } from '../storage/user-docs';
import { badgeText, SPEECH_MARK } from './badge';
import type { EngineHolder } from './engine-holder';
import type { TabAnalyses } from './tab-state';

export interface SettingsStore {
  load(): Promise<Settings>;
  save(patch: unknown): Promise<Settings>;
  replace(full: Settings): Promise<void>;
}

/** A value left for the panel to take when it opens (it may not be open yet when it is set). */
export interface PendingStore<T> {
  set(value: T): Promise<void>;
  take(): Promise<T | null>;
}

/** A hover-card click's passage, kept for a panel that opens after the click. */
export interface PendingPassage {
  tabId: number;
  passageIndex: number;
  at: number;
}

/** A pending passage older than this is not applied (the user has moved on). */
const PENDING_PASSAGE_MS = 15_000;

export interface ServiceDeps {
  engine: EngineHolder;
  store: UserDocStore;
  tabs: TabAnalyses;
  settings: SettingsStore;
  pending: PendingStore<string>;
  pendingPassage: PendingStore<PendingPassage>;
  setBadge(tabId: number, text: string): Promise<void>;
  content(tabId: number): ContentService;
  emit(event: PanelEvent): Promise<void>;
  openPanel(tabId: number | undefined): Promise<boolean>;
  now?: () => number;
}

export function matchOptions(settings: Settings): MatchOptions {
  return {
    minPassageLength: settings.minPassageLength,
    boilerplateMinDocs: settings.boilerplateMinDocs,
    formulaPhrases: settings.formulaPhrases,
    ignorePhrases: settings.ignorePhrases,
  };
}

/** A lookup limit from a message, clamped to the tunable's bounds (bad values get the default). */
function lookupLimit(limit: unknown): number {
  const { default: fallback, min, max } = TUNABLES.lookupLimit;
  return Math.max(min, Math.min(max, Math.floor(Number(limit) || fallback)));
}

function meta(doc: CorpusDoc): DocMeta {
  const { body: _body, ...rest } = doc;
  return rest;
}

function checkPage(page: unknown): PageText {
  const p = page as Partial<PageText> | null;
  if (typeof p !== 'object' || p === null || typeof p.text !== 'string' || typeof p.url !== 'string') {
    throw new Error('analyzePage needs a page with url and text');
  }
  if (typeof p.detect !== 'object' || p.detect === null) throw new Error('analyzePage needs the detection result');
  return { url: p.url, title: typeof p.title === 'string' ? p.title : '', text: p.text, detect: p.detect };
}

function checkTabId(tabId: unknown): number {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) throw new Error('a tab id is required');
  return tabId;
}

export function analysePage(engine: Engine, page: PageText, settings: Settings, now: number): PageAnalysis {
  const opts = matchOptions(settings);
  const { match, boilerplate } = engine.analyse(page.text, opts);
  const docs: Record<string, DocMeta> = {};
  const ids = new Set([...match.candidates.map((c) => c.id), ...match.passages.map((p) => p.docId)]);
  for (const id of ids) {
    const doc = engine.get(id);
    if (doc) docs[id] = meta(doc);
  }
  return { page, match, boilerplate, docs, analysedAt: now };
}

export function createSuyuanService(deps: ServiceDeps): Required<SuyuanService> {
  const now = deps.now ?? Date.now;

  async function corpusChanged(): Promise<void> {
    await deps.tabs.markStale(now());
    await deps.emit({ type: 'corpus-changed' });
  }

  /** `generation` is the tab's generation when the request arrived: a navigation since then
   *  makes the result stale. */
  async function analyseForTab(
    page: PageText,
    tabId: number | undefined,
    generation = tabId === undefined ? 0 : deps.tabs.generation(tabId),
  ): Promise<PageAnalysis> {
    // The whole request, answer included, counts as busy: lookup's preparation never runs
    // between a page's analysis and its answer.
    const settings = deps.settings.load();
    return deps.engine.use(async (engine) => {
      const analysis = analysePage(engine, page, await settings, now());
      if (tabId !== undefined && (await deps.tabs.set(tabId, analysis, generation))) {
        await deps.setBadge(tabId, badgeText(analysis));
        await deps.emit({ type: 'analysis-updated', tabId });
      }
      return analysis;
    });
  }

  const service: Required<SuyuanService> = {
    async analyzePage(page, tabId) {
      const p = checkPage(page);
      const tab = tabId == null ? undefined : checkTabId(tabId);
      if (p.text.trim() === '') return null;
      const generation = tab === undefined ? 0 : deps.tabs.generation(tab);
      // The mark shows at once; loading the engine on a cold worker can take a moment.
      if (tab !== undefined && p.detect.speechLike) await deps.setBadge(tab, SPEECH_MARK);
      return analyseForTab(p, tab, generation);
    },

    async getTabAnalysis(tabId) {
      const tab = checkTabId(tabId);
      const stored = await deps.tabs.get(tab);
      if (!stored) {
        // Pages that did not look like a speech were never analysed: the panel's "compare anyway"
        // lands here, so fetch the page text from the tab and analyse it now.
        let page: PageText | null = null;
        try {
          page = await deps.content(tab).getPageText();
        } catch (err) {
          console.debug('[suyuan] no page text:', err);
        }
        if (!page || page.text.trim() === '') return null;
        return analyseForTab(checkPage(page), tab);
      }
      if (stored.analysedAt >= (await deps.tabs.getStaleBefore())) return stored;
      return analyseForTab(stored.page, tab);
    },

    async revealInTab(tabId, start, end) {
      const tab = checkTabId(tabId);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
        throw new Error('revealInTab needs 0 <= start < end');
      }
      try {
        return await deps.content(tab).reveal(start, end);
      } catch (err) {
        // No content script in that tab (closed, navigated, restricted page).
        console.debug('[suyuan] reveal:', err);
        return false;
      }
    },

    async lookup(query, limit): Promise<LookupResult> {
      if (typeof query !== 'string' || query.trim() === '') throw new Error('Nothing to look up');
      return (await deps.engine.get()).lookup(query.trim(), { limit: lookupLimit(limit) });
    },

    async listDocs() {
      return (await deps.engine.get()).list();
    },

    async getDoc(id) {
      if (typeof id !== 'string') return null;
      return (await deps.engine.get()).get(id) ?? null;
    },

    async addDocs(docs: NewDoc[]) {
      if (!Array.isArray(docs)) throw new Error('addDocs needs a list of documents');
      if (docs.length === 0) return [];
      const at = now();
      // Everything is checked before anything is written.
      // addedAt grows by 1 ms per document so the list keeps the batch order.
      const records = docs.map((d, i) => makeUserDoc(d, at + i, i));
      // Ids come from the text: a document already stored is left alone, never stored twice.
      const written = await deps.store.addMany(records, ADD_CHUNK_SIZE);
      if (written.length > 0) await deps.engine.update((engine) => engine.add(written));
      await corpusChanged();
      return (await deps.store.getMany([...new Set(records.map((r) => r.id))])).map(meta);
    },

    async storedIds(ids) {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('storedIds needs ids');
      return [...(await deps.store.existing(ids))];
    },

    async removeDoc(id) {
      // Bundled documents are part of the build; only the user's own can go.
      if (typeof id !== 'string' || !isUserDocId(id)) return false;
      const removed = await deps.store.remove(id);
      if (removed) await deps.engine.update((engine) => engine.remove(id));
      if (removed) await corpusChanged();
      return removed;
    },

    async exportBackup() {
      const [settings, docs] = await Promise.all([deps.settings.load(), deps.store.list()]);
      return serializeBackup(createBackup(settings, docs, new Date(now())));
    },

    async importBackup(json, options) {
      if (typeof json !== 'string') throw new Error('importBackup needs the backup file as text');
      const backup = parseBackup(json);
      const replaceNewer = options?.replaceNewer === true;
      const { counts, written } = await deps.store.restore(backup.docs, { replaceNewer });
      const before = await deps.settings.load();
      // Only the settings the file names change; every other one keeps its current value.
      const after = await deps.settings.save(backup.settings);
      if (written.length > 0) await deps.engine.update((engine) => engine.add(written));
      await corpusChanged();
      return { ...counts, settingsChanged: settingsChanged(before, after) };
    },

    async corpusRestored() {
      // The panel wrote the documents; the engine reloads from the stores (the persisted index
      // plus what changed) and writes its index back when idle.
      deps.engine.reload();
      await corpusChanged();
    },

    async getSettings() {
      return deps.settings.load();
    },

    async setSettings(patch) {
      const next = await deps.settings.save(patch);
      await deps.tabs.markStale(now());
      // Open pages re-highlight with the new settings; a tab without a content script is skipped.
      for (const tab of deps.tabs.tabIds()) {
        deps
          .content(tab)
          .refresh()
          .catch(() => undefined);
      }
      return next;
    },

    async takePendingLookup() {
      return deps.pending.take();
    },

    async showPassage(passageIndex, tabId) {
      if (!Number.isInteger(passageIndex) || passageIndex < 0) throw new Error('showPassage needs a passage index');
      const tab = checkTabId(tabId);
      // Called before any await: opening the panel needs the click's user gesture.
      const opening = deps.openPanel(tab);
      // A panel opened by this click loads after the event below: it takes the passage on start.
      await deps.pendingPassage.set({ tabId: tab, passageIndex, at: now() });
      await opening;
      await deps.emit({ type: 'show-passage', tabId: tab, passageIndex });
    },

    async takePendingPassage(tabId) {
      const tab = checkTabId(tabId);
      const p = await deps.pendingPassage.take();
      if (!p || p.tabId !== tab || now() - p.at > PENDING_PASSAGE_MS) return null;
      return p.passageIndex;
    },
  };
  return service;
}
