// The background service on a small real corpus (five government work reports), with real
// IndexedDB (fake-indexeddb) and session storage (fake browser).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SPEECH_MARK } from '../../../extension/background/badge';
import { TabAnalyses } from '../../../extension/background/tab-state';
import { copiedPage, negativeBody, report, testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('analyzePage', () => {
  it('finds the copied passage, sets the badge to the reuse share and tells the panel', async () => {
    const bg = testBackground();
    const page = copiedPage();
    expect(page.detect.speechLike).toBe(true);
    const a = await bg.service.analyzePage(page, 5);
    expect(a).not.toBeNull();
    const copied = report('gwr-2002').body.slice(3000, 4500);
    const at = page.text.indexOf(copied);
    const p = a!.match.passages.find((x) => x.docId === 'reports/gwr-2002.md');
    expect(p, 'a passage from the 2002 report').toBeDefined();
    // The passage lies within the copied stretch and covers most of it.
    expect(p!.start).toBeGreaterThanOrEqual(at - 2);
    expect(p!.end).toBeLessThanOrEqual(at + copied.length + 2);
    expect(p!.end - p!.start).toBeGreaterThan(copied.length * 0.8);
    expect(a!.docs['reports/gwr-2002.md']?.title).toBe('2002年中华人民共和国国务院政府工作报告');
    expect(a!.docs['reports/gwr-2002.md']).not.toHaveProperty('body');
    expect(bg.badges.get(5)).toBe(`${Math.round(a!.match.reuseRatio * 100)}%`);
    expect(bg.badges.get(5)).toMatch(/^[1-9]\d?%$/);
    expect(bg.events).toContainEqual({ type: 'analysis-updated', tabId: 5 });
  });

  it('a speech-like page with nothing copied gets the neutral mark', async () => {
    const bg = testBackground();
    const text = `同志们：\n${negativeBody('news', 0)}\n${negativeBody('news', 1)}`;
    const page = {
      ...copiedPage(),
      text,
      detect: { speechLike: true, score: 0.9, script: 'simplified' as const, reasons: [] },
    };
    const a = await bg.service.analyzePage(page, 6);
    expect(a!.match.passages).toEqual([]);
    expect(bg.badges.get(6)).toBe(SPEECH_MARK);
  });

  it('rejects malformed pages with a clear error', async () => {
    const bg = testBackground();
    await expect(bg.service.analyzePage({ url: 'x' } as never, 1)).rejects.toThrow(/url and text/);
    await expect(bg.service.analyzePage(copiedPage(), -3)).rejects.toThrow(/tab id/);
  });

  it('drops an analysis whose tab navigated away while it ran', async () => {
    const bg = testBackground();
    const pending = bg.service.analyzePage(copiedPage(), 8);
    await bg.tabs.clear(8);
    await pending;
    expect(await bg.service.getTabAnalysis(8)).toBeNull();
  });
});

describe('getTabAnalysis', () => {
  it('answers from storage.session after the worker restarts, without re-analysing', async () => {
    const first = testBackground();
    const a = await first.service.analyzePage(copiedPage(), 11);
    // A new worker: fresh memory, same session storage and database.
    const second = testBackground({ tabs: new TabAnalyses() });
    const again = await second.service.getTabAnalysis(11);
    expect(again).toEqual(a);
    expect(second.loads.count).toBe(0);
    expect(await second.service.getTabAnalysis(12)).toBeNull();
  });

  it('analyses a page that was never analysed ("compare anyway") with the text from its tab', async () => {
    const bg = testBackground();
    const page = {
      ...copiedPage(),
      detect: { speechLike: false, score: 0.2, script: 'simplified' as const, reasons: [] },
    };
    bg.content.getPageText.mockResolvedValueOnce(page);
    const a = await bg.service.getTabAnalysis(21);
    expect(bg.content.getPageText).toHaveBeenCalledTimes(1);
    expect(a!.page.text).toBe(page.text);
    expect(a!.match.passages.some((p) => p.docId === 'reports/gwr-2002.md')).toBe(true);
    expect(await bg.service.getTabAnalysis(21)).toEqual(a);
    expect(bg.content.getPageText).toHaveBeenCalledTimes(1);
  });

  it('re-runs matching after the corpus changed', async () => {
    const bg = testBackground();
    const a = await bg.service.analyzePage(copiedPage(), 3);
    await new Promise((r) => setTimeout(r, 5));
    // The user adds the news item that the page also quotes.
    await bg.service.addDocs([{ title: '一则新闻', body: negativeBody('news', 0) }]);
    const b = await bg.service.getTabAnalysis(3);
    expect(b!.analysedAt).toBeGreaterThan(a!.analysedAt);
    expect(b!.match.passages.some((p) => p.docId.startsWith('user/'))).toBe(true);
    expect(b!.match.reuseRatio).toBeGreaterThan(a!.match.reuseRatio);
  });
});

describe('engine loading', () => {
  it('loads the bundled corpus once, lazily, for concurrent first calls', async () => {
    const bg = testBackground();
    expect(bg.loads.count).toBe(0);
    const [docs, hits] = await Promise.all([bg.service.listDocs(), bg.service.lookup('社会主义')]);
    expect(bg.loads.count).toBe(1);
    expect(docs.map((d) => d.id)).toEqual([
      'reports/gwr-1960.md',
      'reports/gwr-1975.md',
      'reports/gwr-1980.md',
      'reports/gwr-1985.md',
      'reports/gwr-2002.md',
    ]);
    expect(hits.total).toBeGreaterThan(10);
  });
});

describe('corpus CRUD', () => {
  it('adds user documents, lists, gets, finds them, removes them; bundled ones stay', async () => {
    const bg = testBackground();
    await bg.service.listDocs(); // engine loaded: the add below must be incremental
    const body = negativeBody('law', 0);
    const [meta] = await bg.service.addDocs([{ title: ' 一部法规 ', body, date: '2020-01-01', place: '' }]);
    expect(meta!.id).toMatch(/^user\/[0-9a-f]{16}-[0-9a-z]+\.md$/);
    expect(meta).toMatchObject({ title: '一部法规', date: '2020-01-01', origin: 'user' });
    expect(meta).not.toHaveProperty('place');
    expect((await bg.service.listDocs()).map((d) => d.id)).toContain(meta!.id);
    expect((await bg.service.getDoc(meta!.id))!.body).toBe(body);
    const phrase = body.replace(/\s/g, '').slice(40, 52);
    const found = await bg.service.lookup(phrase);
    expect(found.hits.some((h) => h.docId === meta!.id)).toBe(true);
    expect(bg.events).toContainEqual({ type: 'corpus-changed' });

    // A second worker on the same database sees the document (it survives restarts).
    const restarted = testBackground({ dbName: (bg.store as unknown as { dbName: string }).dbName });
    expect((await restarted.service.getDoc(meta!.id))?.title).toBe('一部法规');

    expect(await bg.service.removeDoc('reports/gwr-2002.md')).toBe(false);
    expect(await bg.service.removeDoc(meta!.id)).toBe(true);
    expect(await bg.service.removeDoc(meta!.id)).toBe(false);
    expect(await bg.service.getDoc(meta!.id)).toBeNull();
    expect((await bg.service.lookup(phrase)).hits.some((h) => h.docId === meta!.id)).toBe(false);
    expect(await bg.service.getDoc('reports/gwr-2002.md')).not.toBeNull();
  });

  it('refuses the whole batch if one document is bad, before writing anything', async () => {
    const bg = testBackground();
    await expect(
      bg.service.addDocs([
        { title: 'ok', body: negativeBody('howto', 0) },
        { title: '', body: 'x' },
      ]),
    ).rejects.toThrow(/Document 2 has no title/);
    expect(await bg.store.count()).toBe(0);
  });

  it('adds a large batch in several transactions', async () => {
    const bg = testBackground();
    const body = negativeBody('forum', 0);
    const docs = Array.from({ length: 450 }, (_, i) => ({ title: `帖子 ${i}`, body: `${i} ${body}` }));
    const added = await bg.service.addDocs(docs);
    expect(added).toHaveLength(450);
    expect(new Set(added.map((d) => d.id)).size).toBe(450);
    expect(await bg.store.count()).toBe(450);
    expect((await bg.store.list()).map((d) => d.title)).toEqual(docs.map((d) => d.title));
  });
});

describe('settings, pending lookup, reveal', () => {
  it('returns defaults, validates patches and refreshes analysed tabs', async () => {
    const bg = testBackground();
    const s = await bg.service.getSettings();
    expect(s).toEqual({
      autoHighlight: true,
      disabledSites: [],
      boilerplateMinDocs: 5,
      minPassageLength: 40,
      formulaPhrases: [],
      ignorePhrases: [],
      // Keeping pages is opt-in, offered on first run.
      keepPages: false,
      keepPagesExcludedSites: [],
      welcomeDone: false,
      teamServer: '',
      teamToken: '',
    });
    await bg.service.analyzePage(copiedPage(), 4);
    const next = await bg.service.setSettings({ autoHighlight: false, disabledSites: [' News.Example.CN ', '.a.cn'] });
    expect(next).toMatchObject({ autoHighlight: false, disabledSites: ['news.example.cn', 'a.cn'] });
    expect(await bg.service.getSettings()).toEqual(next);
    expect(bg.content.refresh).toHaveBeenCalled();
    await expect(bg.service.setSettings({ minPassageLength: 'long' } as never)).rejects.toThrow(/minPassageLength/);
    await expect(bg.service.setSettings({ colour: 'red' } as never)).rejects.toThrow(/Unknown setting/);
  });

  it('minPassageLength from settings reaches the engine', async () => {
    const bg = testBackground();
    const short = await bg.service.analyzePage(copiedPage(), 1);
    await bg.service.setSettings({ minPassageLength: 5000 });
    const long = await bg.service.analyzePage(copiedPage(), 1);
    expect(short!.match.passages.length).toBeGreaterThan(0);
    expect(long!.match.passages).toEqual([]);
  });

  it('revealInTab asks the content script, and reports false when there is none', async () => {
    const bg = testBackground();
    expect(await bg.service.revealInTab(2, 10, 20)).toBe(true);
    expect(bg.content.reveal).toHaveBeenCalledWith(10, 20);
    bg.content.reveal.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await bg.service.revealInTab(2, 10, 20)).toBe(false);
    await expect(bg.service.revealInTab(2, 20, 10)).rejects.toThrow();
  });

  it('showPassage opens the panel for the tab and emits the event', async () => {
    const bg = testBackground();
    await bg.service.showPassage(2, 9);
    expect(bg.deps.openPanel).toHaveBeenCalledWith(9);
    expect(bg.events).toContainEqual({ type: 'show-passage', tabId: 9, passageIndex: 2 });
  });

  it('keeps the passage for a panel that opens after the click: once, for that tab, for 60 s', async () => {
    let clock = 1_000_000;
    const bg = testBackground({ now: () => clock });
    await bg.service.showPassage(3, 9);
    expect(await bg.service.takePendingPassage(8)).toBeNull();
    await bg.service.showPassage(3, 9);
    expect(await bg.service.takePendingPassage(9)).toBe(3);
    expect(await bg.service.takePendingPassage(9)).toBeNull();
    await bg.service.showPassage(4, 9);
    clock += 61_000;
    expect(await bg.service.takePendingPassage(9)).toBeNull();
    await expect(bg.service.takePendingPassage(-1)).rejects.toThrow(/tab id/);
  });
});
