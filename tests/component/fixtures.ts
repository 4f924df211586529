// Real data for the panel's component tests: an engine over the bundled seed speeches, a "page"
// built from seed passages with swapped names, and a fake SuyuanService on top of that engine with
// spies on every method.
import { pageStrings } from '../../extension/ui-lang';
import { DEFAULT_SETTINGS, type Settings } from '../../core/model/settings';
import { corpusFileOf } from '../../extension/storage/corpus-files';
import { contentId, makeUserDoc, type UserDocStore } from '../../extension/storage/user-docs';
import { applyDocPatch, checkDocPatch, type DocPatch } from '../../extension/storage/doc-patch';
import { vi } from 'vitest';
import { createEngine } from '../../core/engine';
import type { CorpusDoc, DocMeta } from '../../core/model/types';
import type { PanelEvent, SuyuanService } from '../../extension/protocol';
import type { NewDoc, PageAnalysis } from '../../core/model/page';
import { seeds } from '../fixtures/corpus';

/** The bundled seed speeches, the panel tests' corpus. */
export function seedDocs(): CorpusDoc[] {
  return seeds();
}

export const SWAPS = [
  ['斯鑫良', '王小明'],
  ['肖培生', '李大军'],
] as const;

/** Site junk, a passage of seed 000 with two names swapped, original prose, a passage of seed 002. */
export function buildPage(docs: CorpusDoc[]): { title: string; text: string } {
  const a = docs.find((d) => d.id.includes('/000_'))!.body;
  const b = docs.find((d) => d.id.includes('/002_'))!.body;
  let first = a.slice(300, 900);
  for (const [from, to] of SWAPS) first = first.replace(from, to);
  const text =
    '首页 > 领导讲话 > 正文\n' +
    first +
    '\n这一段是本页自己的内容，讲的是今年春天的天气和外出旅游的安排，与任何讲话都没有关系。\n' +
    b.slice(500, 1100);
  return { title: '在全区组织系统会议上的讲话', text };
}

export function analyse(
  engine: ReturnType<typeof createEngine>,
  page: { title: string; text: string },
  speechLike = true,
): PageAnalysis {
  const match = engine.match(page.text);
  const docs: Record<string, DocMeta> = {};
  for (const c of match.candidates) {
    const d = engine.get(c.id);
    if (d) {
      const { body: _b, ...meta } = d;
      docs[c.id] = meta;
    }
  }
  return {
    page: {
      url: 'https://example.gov.cn/ldjh/2024/a.html',
      title: page.title,
      text: page.text,
      detect: { speechLike, score: speechLike ? 0.92 : 0.1, script: 'simplified', reasons: ['salutation:同志们'] },
    },
    match,
    // Five seeds share too little wording for a listed 提法 (families × length ≥ 45 × the formula
    // number), so three of the page's clauses are given as the user's formula phrases, alongside
    // whatever the seeds do share.
    boilerplate: engine.boilerplate(page.text, { boilerplateMinDocs: 2, formulaPhrases: pageClauses(page.text) }),
    docs,
    analysedAt: Date.UTC(2026, 10, 25, 7, 0, 0),
  };
}

/** Three whole clauses of the page (6–16 Han characters). */
function pageClauses(text: string): string[] {
  return text
    .split(/[，。；：、\n]/)
    .filter((c) => c.length >= 6 && c.length <= 16 && /^\p{Script=Han}+$/u.test(c))
    .slice(0, 3);
}

export class EventBus {
  private listeners = new Set<(e: PanelEvent) => void>();
  onPanelEvent = (cb: (e: PanelEvent) => void) => {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  };
  emit(e: PanelEvent): void {
    for (const l of this.listeners) l(e);
  }
}

export interface FakeOptions {
  docs?: CorpusDoc[];
  /** Analyses by tab id; a tab without one answers null ("pending"). */
  analyses?: Record<number, PageAnalysis | null>;
  pendingLookup?: string | null;
  /** The panel's IndexedDB store: documents added through the service are written there too, as
   *  the background does (the panel checks an import against it). */
  store?: UserDocStore;
}

/** A SuyuanService over a real engine, every method a vi.fn spy. */
export function createFakeService(opts: FakeOptions = {}) {
  const engine = createEngine(opts.docs ?? seedDocs());
  let pending = opts.pendingLookup ?? null;
  let pendingPassage: number | null = null;
  const toMeta = ({ body: _b, ...m }: CorpusDoc): DocMeta => m;
  const service = {
    analyzePage: vi.fn(async () => null),
    getTabAnalysis: vi.fn(async (tabId: number) => opts.analyses?.[tabId] ?? null),
    revealInTab: vi.fn(async () => true),
    lookup: vi.fn(async (query: string, limit?: number) => engine.lookup(query, { limit })),
    listDocs: vi.fn(async () => engine.list()),
    getDoc: vi.fn(async (id: string) => engine.get(id) ?? null),
    addDocs: vi.fn(async (docs: NewDoc[]) => {
      // Ids from the text, as the background gives them.
      const added = docs.map((d): CorpusDoc => ({ ...d, id: contentId(d.body), origin: 'user' }));
      engine.add(added);
      await opts.store?.addMany(
        docs.map((d, i) => makeUserDoc(d, Date.now() + i, i)),
        200,
      );
      return added.map(toMeta);
    }),
    removeDoc: vi.fn(async (id: string) => engine.remove(id)),
    updateDoc: vi.fn(async (id: string, patch: DocPatch) => {
      const doc = engine.get(id);
      if (!doc) throw new Error(`No such document: ${id}`);
      const next = applyDocPatch(doc, checkDocPatch(patch));
      engine.remove(id);
      engine.add([next]);
      return toMeta(next);
    }),
    removeDocs: vi.fn(async (ids: string[]) => ids.filter((id) => engine.remove(id)).length),
    keptStats: vi.fn(async () => {
      const kept = engine.list().filter((d) => d.via === 'kept');
      const bytes = kept.reduce((n, d) => n + new TextEncoder().encode(engine.get(d.id)!.body).length, 0);
      return { count: kept.length, bytes };
    }),
    importCorpus: vi.fn(async (docs: CorpusDoc[]) => {
      const added = docs.map((d): CorpusDoc => ({ ...d, id: `user/${d.id}`, origin: 'user', via: 'imported' }));
      for (const d of added) if (engine.get(d.id)) engine.remove(d.id);
      engine.add(added);
      return added.map(toMeta);
    }),
    exportCorpus: vi.fn(async (offset: number, limit: number) => {
      const user = engine.list().filter((d) => d.origin === 'user');
      const files = user.slice(offset, offset + limit).map((d) => corpusFileOf(engine.get(d.id)!));
      return { files, total: user.length };
    }),
    exportBackup: vi.fn(async () =>
      JSON.stringify({
        version: 1,
        docs: engine
          .list()
          .filter((d) => d.origin === 'user')
          .map((d) => engine.get(d.id)),
      }),
    ),
    importBackup: vi.fn(async (json: string) => {
      const data = JSON.parse(json) as { version?: number; docs?: CorpusDoc[] };
      if (data.version !== 1 || !Array.isArray(data.docs)) throw new Error('not a Suyuan backup');
      const replaced = data.docs.filter((d) => engine.get(d.id)).length;
      engine.add(data.docs);
      return { added: data.docs.length - replaced, replaced, unchanged: 0, keptNewer: 0, settingsChanged: [] };
    }),
    corpusRestored: vi.fn(async () => undefined),
    storedIds: vi.fn(async (ids: string[]) => ids.filter((id) => engine.get(id) !== undefined)),
    // The first-run choice already made: every view test starts on the tabs.
    getSettings: vi.fn(async (): Promise<Settings> => ({ ...DEFAULT_SETTINGS, welcomeDone: true })),
    setSettings: vi.fn(async (patch: Partial<Settings>): Promise<Settings> => ({
      ...DEFAULT_SETTINGS,
      welcomeDone: true,
      ...patch,
    })),
    takePendingLookup: vi.fn(async () => {
      const q = pending;
      pending = null;
      return q;
    }),
    showPassage: vi.fn(async () => undefined),
    hoverPassage: vi.fn(async () => undefined),
    pageStrings: vi.fn(async () => pageStrings('zh-CN', false)),
    takePendingPassage: vi.fn(async (_tabId: number) => {
      const p = pendingPassage;
      pendingPassage = null;
      return p;
    }),
    testTeamServer: vi.fn(async (): ReturnType<SuyuanService['testTeamServer']> => ({
      ok: false,
      error: 'no team server in component tests',
    })),
  } satisfies SuyuanService;
  const bus = new EventBus();
  return {
    service,
    engine,
    bus,
    setPending: (q: string | null) => (pending = q),
    setPendingPassage: (i: number | null) => (pendingPassage = i),
  };
}
