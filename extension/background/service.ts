// The background's SuyuanService: every request from the panel and the content scripts ends here.
// Dependencies are passed in, so tests run the real logic on a small real corpus with fakes only
// for the browser parts.
import { docMeta } from '../../core/model/doc-meta';
import type { SnapshotEngine } from '../../core/engine';
import type { DocMeta, MatchOptions } from '../../core/model/types';
import type { ContentService, PanelEvent, SuyuanService } from '../protocol';
import type { PageAnalysis, PageText } from '../../core/model/page';
import type { Settings } from '../../core/model/settings';
import type { UserDocStore } from '../storage/user-docs';
import { badgeText } from './badge';
import { PageKeeper } from './keep-pages';
import { pageMark } from './marks';
import { corpusMethods } from './service-corpus';
import { userCorpusMethods } from './user-corpus-methods';
import { pageMethods } from './service-pages';
import { panelMethods } from './service-panel';
import type { EngineHolder } from './engine-holder';
import type { PassageMenu } from './passage-menu';
import type { TabAnalyses } from './tab-state';
import { singleFlight } from './single-flight';
import { realTeamApi, testTeamServer, withTeam, type TeamApi } from './service-team';

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
  /** The passage under the pointer per tab (the content script reports it; passage-menu.ts). */
  pointer?: Pick<PassageMenu, 'hovered' | 'at'>;
  now?: () => number;
  /** The team corpus's network calls (default: fetch to the server the settings name). */
  team?: TeamApi;
}

export function matchOptions(settings: Settings): MatchOptions {
  return {
    minPassageLength: settings.minPassageLength,
    boilerplateMinDocs: settings.boilerplateMinDocs,
    formulaPhrases: settings.formulaPhrases,
    ignorePhrases: settings.ignorePhrases,
  };
}

/** What every group of service methods shares: the dependencies and two steps they all use. */
export interface ServiceContext {
  deps: ServiceDeps;
  now: () => number;
  /** Stale analyses re-run on next ask; open panels re-list the corpus; the keeper re-reads which
   *  pages the corpus holds. */
  corpusChanged(): Promise<void>;
  /** Keeps pages as they are read (the keep-pages setting). */
  keeper: PageKeeper;
  /** Analyses a page for a tab (badge, stored result, panel event); `generation` is the tab's
   *  generation when the request arrived: a navigation since then makes the result stale. */
  analyseForTab(
    page: PageText,
    tabId: number | undefined,
    generation?: number,
    deferFirstSeen?: boolean,
  ): Promise<PageAnalysis>;
  /** The tab's analysis in flight now, if any (single-flight.ts). */
  analysing(tabId: number): Promise<PageAnalysis> | undefined;
}

/** A page's analysis; the candidates' bodies are read from storage first. `deferFirstSeen` answers
 *  without the formula phrases' firstSeen when lookup's text is not built yet. */
export async function analysePage(
  engine: SnapshotEngine,
  holder: Pick<EngineHolder, 'loadBodies' | 'collectMissing'>,
  page: PageText,
  settings: Settings,
  now: number,
  deferFirstSeen = false,
): Promise<PageAnalysis> {
  const opts = matchOptions(settings);
  // The page's address lets the engine leave out its own saved copy (a kept page, revisited).
  // Its meta tags and lead lines give its own date (pageFacts).
  const options = { ...opts, page: { url: page.url, title: page.title, meta: page.meta, lead: page.lead } };
  pageMark('engine');
  const load = async (ids: string[]) => {
    await holder.loadBodies(ids);
    pageMark(`read-${ids.length}`);
  };
  const collect = (fn: () => unknown) => holder.collectMissing(fn);
  const { match, boilerplate, firstSeenPending } = await engine.analyseLoading(page.text, options, {
    load,
    collect,
    deferFirstSeen,
  });
  pageMark('analysed');
  const docs: Record<string, DocMeta> = {};
  // Every holder of a passage too (origin, alsoIn): the panel's timeline places each by date and place.
  const ids = new Set([
    ...match.candidates.map((c) => c.id),
    ...match.passages.flatMap((p) => [p.docId, ...(p.origin ? [p.origin.docId] : []), ...(p.alsoIn ?? [])]),
    ...match.passages.flatMap((p) => p.holders ?? []),
  ]);
  for (const id of ids) {
    const doc = engine.get(id);
    if (doc) docs[id] = docMeta(doc);
  }
  const analysis: PageAnalysis = { page, match, boilerplate, docs, analysedAt: now };
  return firstSeenPending ? { ...analysis, firstSeenPending } : analysis;
}

/** The service, composed of named groups of methods over one shared context. */
export function createSuyuanService(deps: ServiceDeps): Required<SuyuanService> {
  const now = deps.now ?? Date.now;
  const keeper = new PageKeeper(deps.store, now);
  const c: ServiceContext = {
    deps,
    now,
    keeper,
    async corpusChanged() {
      keeper.forget();
      await deps.tabs.markStale(now());
      await deps.emit({ type: 'corpus-changed' });
    },
    analyseForTab: (page, tabId, generation, defer) => flights.analyse(page, tabId, generation, defer),
    analysing: (tabId) => flights.running(tabId),
  };
  const flights = singleFlight(
    (page, tabId, generation, defer) => analyseForTab(c, page, tabId, generation, defer),
    (tabId) => deps.tabs.generation(tabId),
  );
  const testTeam = (url: string, token: string) => testTeamServer(deps.team ?? realTeamApi, url, token);
  return {
    ...pageMethods(c),
    ...corpusMethods(c),
    ...panelMethods(c),
    ...userCorpusMethods(c),
    testTeamServer: testTeam,
  };
}

async function analyseForTab(
  c: ServiceContext,
  page: PageText,
  tabId: number | undefined,
  generation = tabId === undefined ? 0 : c.deps.tabs.generation(tabId),
  deferFirstSeen = false,
): Promise<PageAnalysis> {
  // The whole request, answer included, counts as busy: lookup's preparation never runs
  // between a page's analysis and its answer.
  const settings = c.deps.settings.load();
  const holder = c.deps.engine;
  return holder.withBodies(async (engine) => {
    const s = await settings;
    const local = await analysePage(engine, holder, page, s, c.now(), deferFirstSeen);
    // Only when the user set a team server; otherwise nothing leaves the browser.
    const analysis = await withTeam(c.deps.team ?? realTeamApi, local, s, matchOptions(s));
    if (tabId !== undefined && (await c.deps.tabs.set(tabId, analysis, generation))) {
      await c.deps.setBadge(tabId, badgeText(analysis));
      pageMark('badge');
      await c.deps.emit({ type: 'analysis-updated', tabId });
    }
    return analysis;
  });
}
