// Shared set-up for the extension tests: a small real corpus (five bundled government work reports)
// and a service wired with real storage (fake-indexeddb) and fake browser parts that record what
// they were asked to do.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { createEngineHolder } from '../../../extension/background/engine-holder';
import {
  createSuyuanService,
  type PendingPassage,
  type PendingStore,
  type ServiceDeps,
} from '../../../extension/background/service';
import { TabAnalyses } from '../../../extension/background/tab-state';
import { buildCorpusAsset, parseCorpusAsset, type CorpusAsset } from '../../../extension/corpus-asset';
import type { ContentService, PanelEvent } from '../../../extension/protocol';
import type { PageText } from '../../../core/model/page';
import { detect } from '../../../core/detect/detect';
import { loadSettings, replaceSettings, saveSettings } from '../../../extension/settings';
import { UserDocStore } from '../../../extension/storage/user-docs';
import { negativeBody, report, seed } from '../../fixtures/corpus';

export { negativeBody, report };

/** Five short government work reports (1960, 1975, 1980, 1985, 2002): about 60,000 characters. */
export const SMALL_CORPUS = ['gwr-1960', 'gwr-1975', 'gwr-1980', 'gwr-1985', 'gwr-2002'];

let assetBytes: Uint8Array | null = null;
/** The asset file's bytes, as the build writes them (built once per test file). */
export function smallAssetBytes(): Uint8Array {
  assetBytes ??= buildCorpusAsset(SMALL_CORPUS.map(report));
  return assetBytes;
}
export function smallAsset(): CorpusAsset {
  return parseCorpusAsset(smallAssetBytes().slice().buffer);
}

let dbCounter = 0;

export interface TestBackground {
  service: ReturnType<typeof createSuyuanService>;
  deps: ServiceDeps;
  store: UserDocStore;
  tabs: TabAnalyses;
  badges: Map<number, string>;
  events: PanelEvent[];
  content: {
    reveal: ReturnType<typeof vi.fn>;
    refresh: ReturnType<typeof vi.fn>;
    getPageText: ReturnType<typeof vi.fn>;
  };
  loads: { count: number };
  /** Runs the background's idle work now (prepare, writing the index) and waits for it. */
  idle(): Promise<void>;
}

/** A background as setupBackground() wires it, minus browser listeners. `dbName` lets a test
 *  start a second "worker" on the same database. */
export function testBackground(
  opts: { dbName?: string; tabs?: TabAnalyses; now?: () => number; bodyCacheChars?: number } = {},
): TestBackground {
  const store = new UserDocStore(opts.dbName ?? `suyuan-test-${++dbCounter}-${Date.now()}`);
  const tabs = opts.tabs ?? new TabAnalyses();
  const badges = new Map<number, string>();
  const events: PanelEvent[] = [];
  const loads = { count: 0 };
  const queued: (() => void)[] = [];
  const content = {
    reveal: vi.fn(async () => true),
    refresh: vi.fn(async () => undefined),
    getPageText: vi.fn(async () => null),
  };
  const deps: ServiceDeps = {
    engine: createEngineHolder({
      bundled: async () => {
        loads.count++;
        return smallAsset();
      },
      userDocs: () => store.list(),
      index: { load: () => store.loadIndex(), save: (bytes) => store.saveIndex(bytes) },
      lazy: { metas: () => store.metas(), bodies: (ids) => store.bodies(ids) },
      ...(opts.bodyCacheChars !== undefined ? { bodyCacheChars: opts.bodyCacheChars } : {}),
      idle: (fn) => {
        queued.push(fn);
        return () => queued.splice(queued.indexOf(fn) >>> 0, 1);
      },
    }),
    store,
    tabs,
    settings: { load: loadSettings, save: saveSettings, replace: replaceSettings },
    pending: memoryPending<string>(),
    pendingPassage: memoryPending<PendingPassage>(),
    setBadge: async (tabId, text) => void badges.set(tabId, text),
    content: () => content as unknown as ContentService,
    emit: async (ev) => void events.push(ev),
    openPanel: vi.fn(async () => true),
    ...(opts.now ? { now: opts.now } : {}),
  };
  const idle = async () => {
    queued.splice(0).forEach((fn) => fn());
    await deps.engine.settled();
  };
  return { service: createSuyuanService(deps), deps, store, tabs, badges, events, content, loads, idle };
}

/** A PendingStore in memory (the background's is session storage). */
function memoryPending<T>(): PendingStore<T> {
  let value: T | null = null;
  return {
    set: async (v) => void (value = v),
    take: async () => {
      const v = value;
      value = null;
      return v;
    },
  };
}

/** A page that copies 1,500 characters of the 2002 report between two news items, as PageText. */
export function copiedPage(url = 'https://www.example.gov.cn/speech/1.html'): PageText {
  const copied = report('gwr-2002').body.slice(3000, 4500);
  const text = [
    '各位代表：',
    negativeBody('news', 0).slice(0, 600),
    copied,
    negativeBody('news', 1).slice(0, 500),
  ].join('\n');
  return { url, title: '在全县工作会议上的讲话', text, detect: detect(text, '在全县工作会议上的讲话') };
}

/** Four seeds as a user corpus (the tests of a persisted user corpus whose bodies are read lazily). */
export const USER_SEEDS = ['000', '001', '002', '003'].map(seed);

/** A page that copies 1,500 characters of `body` after a news item, as PageText. */
export function pageCopying(body: string): PageText {
  const text = ['各位同志：', negativeBody('news', 0).slice(0, 500), body.slice(200, 1700)].join('\n');
  return { url: 'https://example.gov.cn/a.html', title: '在全县工作会议上的讲话', text, detect: detect(text, '讲话') };
}

/** A background holding USER_SEEDS as user documents, with its database's name, so that a second
 *  "worker" can start afresh on the same database. */
export async function withUserSeeds(): Promise<{ first: TestBackground; ids: string[]; dbName: string }> {
  const first = testBackground();
  const ids = (await first.service.addDocs(USER_SEEDS.map((d) => ({ title: d.title, body: d.body })))).map((d) => d.id);
  return { first, ids, dbName: (first.store as unknown as { dbName: string }).dbName };
}

/** A minimal CSS Custom Highlight API, as Chromium and Firefox 140+ provide; returns its registry. */
export function installHighlightApi(): Map<string, Set<Range>> {
  const registry = new Map<string, Set<Range>>();
  class Highlight extends Set<Range> {
    priority = 0;
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  Object.assign(window, { Highlight });
  (window as unknown as { CSS: unknown }).CSS = { highlights: registry };
  return registry;
}

export function removeHighlightApi(): void {
  delete (window as unknown as { Highlight?: unknown }).Highlight;
  delete (window as unknown as { CSS?: unknown }).CSS;
}
