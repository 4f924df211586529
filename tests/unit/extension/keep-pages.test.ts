// Keep pages as you read, through the background service on real storage (fake-indexeddb): only
// speech pages, only when the setting is on, never the same page twice, and the kept page is then
// the source of a later copy. Texts: the project's own synthetic speeches (no corpus holds them).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detect } from '../../../core/detect/detect';
import type { PageText } from '../../../core/model/page';
import { createEngineHolder } from '../../../extension/background/engine-holder';
import { createSuyuanService } from '../../../extension/background/service';
import { openUserDb } from '../../../extension/storage/db';
import { syntheticSpeech } from '../../fixtures/synthetic-speech';
import { testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

/** A background with no bundled corpus: the user's documents only. */
function background() {
  const bg = testBackground();
  const service = createSuyuanService({
    ...bg.deps,
    engine: createEngineHolder({ bundled: async () => null, userDocs: () => bg.store.list() }),
  });
  return { ...bg, service };
}

function speechPage(seed: number, url = `https://county${seed}.example.gov.cn/news/${seed}.html`): PageText {
  const s = syntheticSpeech(seed);
  const title = `${s.title} - 县政府网`;
  return { url, title, text: s.body, detect: detect(s.body, title) };
}

const NEWS =
  '本报讯 昨天上午，县城新建的体育公园正式对市民开放。公园占地约120亩，设有篮球场、足球场和健身步道。不少市民一早就来到公园散步锻炼。'.repeat(
    6,
  );
const newsPage: PageText = {
  url: 'https://news.example.com/a.html',
  title: '体育公园开放',
  text: NEWS,
  detect: detect(NEWS),
};

describe('keep pages as you read', () => {
  it('keeps nothing while the setting is off (the default)', async () => {
    const bg = background();
    await bg.service.analyzePage(speechPage(1), 1);
    expect(await bg.store.count()).toBe(0);
  });

  it('keeps exactly the speech pages, with address, capture time, the page’s own date and place', async () => {
    const bg = background();
    await bg.service.setSettings({ keepPages: true });
    expect(newsPage.detect.speechLike).toBe(false);
    for (const seed of [1, 2, 3]) await bg.service.analyzePage(speechPage(seed), seed);
    await bg.service.analyzePage(newsPage, 9);
    const kept = await bg.store.list();
    expect(kept).toHaveLength(3);
    for (const [i, seed] of [1, 2, 3].entries()) {
      const s = syntheticSpeech(seed);
      const doc = kept[i]!;
      expect(doc.via).toBe('kept');
      expect(doc.url).toBe(speechPage(seed).url);
      expect(doc.title).toBe(s.title);
      expect(doc.date).toBe(s.date);
      expect(doc.place).toBe(s.place);
      expect(Date.parse(doc.capturedAt!)).toBeGreaterThan(0);
      expect(doc.body).toBe(s.body);
      expect(doc.id).toMatch(/^user\/kept\/county\d\.example\.gov\.cn\/\d{4}-\d{2}-\d{2}-[0-9a-z]+\.md$/);
    }
    const stats = await bg.service.keptStats();
    expect(stats.count).toBe(3);
    expect(stats.bytes).toBe(kept.reduce((n, d) => n + new TextEncoder().encode(d.body).length, 0));
  });

  it('never keeps a page twice: not at the same address, not with the same text elsewhere', async () => {
    const bg = background();
    await bg.service.setSettings({ keepPages: true });
    await bg.service.analyzePage(speechPage(4), 1);
    const page = speechPage(4);
    await Promise.all([
      bg.service.analyzePage({ ...page, url: page.url + '#p3' }, 1),
      bg.service.analyzePage({ ...page, url: 'https://mirror.example.com/copy.html', text: `  ${page.text}\n` }, 2),
    ]);
    expect(await bg.store.count()).toBe(1);
    // Revisited, the page is not compared with the copy kept from it.
    const again = await bg.service.analyzePage(speechPage(4), 1);
    const own = (await bg.store.list())[0]!.id;
    expect(again!.match.candidates.map((c) => c.id)).not.toContain(own);
    expect(again!.match.passages.some((p) => p.docId === own)).toBe(false);
    // A page the user added by hand counts too.
    const s = syntheticSpeech(5);
    await bg.service.addDocs([{ title: s.title, body: s.body }]);
    await bg.service.analyzePage(speechPage(5), 3);
    expect(await bg.store.count()).toBe(2);
  });

  it('skips excluded sites and sites where Suyuan is off', async () => {
    const bg = background();
    await bg.service.setSettings({ keepPages: true, keepPagesExcludedSites: ['example.gov.cn'] });
    await bg.service.analyzePage(speechPage(6), 1);
    await bg.service.setSettings({ keepPagesExcludedSites: [], disabledSites: ['county7.example.gov.cn'] });
    await bg.service.analyzePage(speechPage(7), 1);
    expect(await bg.store.count()).toBe(0);
    await bg.service.analyzePage(speechPage(6), 1);
    expect(await bg.store.count()).toBe(1);
  });

  it('finds a kept page as the source of a later copy, and deleting it lets the page be kept again', async () => {
    const bg = background();
    await bg.service.setSettings({ keepPages: true });
    for (const seed of [11, 12, 13]) await bg.service.analyzePage(speechPage(seed), seed);
    const kept = await bg.store.list();
    const source = kept[1]!;
    const copy = speechPage(12).text.replace(/桐庐县|宁海县|婺源县|柳河县|松溪县|临泽县|凤凰县|长丰县/g, '某某县');
    const analysis = await bg.service.analyzePage(
      { url: 'https://copier.example.net/x.html', title: '讲话稿', text: copy, detect: detect(copy) },
      20,
    );
    expect(analysis!.match.candidates[0]!.id).toBe(source.id);
    expect(analysis!.match.passages.every((p) => p.docId === source.id)).toBe(true);
    expect(analysis!.match.reuseRatio).toBeGreaterThan(0.8);

    expect(await bg.service.removeDocs(kept.map((d) => d.id))).toBe(3);
    expect((await bg.service.keptStats()).count).toBe(1); // the copy itself was a speech: kept
    await bg.service.analyzePage(speechPage(11), 11);
    expect((await bg.service.keptStats()).count).toBe(2);
  });

  it('a page added by hand with its address ("add the current page") is not compared with its own copy', async () => {
    const bg = background();
    const source = syntheticSpeech(21);
    await bg.service.addDocs([{ title: source.title, body: source.body }]);
    const page = speechPage(21, 'https://copier.example.net/speech.html#top');
    await bg.service.addDocs([
      {
        title: '讲话稿',
        body: `${page.text}\n`,
        url: 'https://copier.example.net/speech.html',
        capturedAt: '2026-12-01T10:00:00Z',
      },
    ]);
    const stored = await bg.store.list();
    const own = stored.find((d) => d.url)!;
    expect(own.capturedAt).toBe('2026-12-01T10:00:00Z');
    const analysis = await bg.service.analyzePage(page, 1);
    expect(analysis!.match.candidates.map((c) => c.id)).not.toContain(own.id);
    expect(analysis!.match.passages.length).toBeGreaterThan(0);
    expect(analysis!.match.passages.every((p) => p.docId !== own.id)).toBe(true);
  });

  it('a fresh worker checks for duplicates from the stored metadata: no body is read for it', async () => {
    const first = testBackground();
    await first.service.setSettings({ keepPages: true });
    await first.service.analyzePage(speechPage(4), 1);
    await first.service.analyzePage(speechPage(5), 2);
    await first.idle(); // the index is persisted: a new worker restores it without reading bodies
    const dbName = (first.store as unknown as { dbName: string }).dbName;
    const bg = testBackground({ dbName }); // the worker was stopped; a new one starts
    vi.spyOn(bg.store, 'list');
    const page = speechPage(4);
    await bg.service.analyzePage({ ...page, url: 'https://mirror.example.com/copy.html' }, 3);
    expect(await bg.store.count()).toBe(2); // the same text elsewhere: not kept again
    await bg.service.analyzePage(speechPage(6), 4);
    expect(await bg.store.count()).toBe(3);
    expect(bg.store.list).not.toHaveBeenCalled();
  });

  it('documents stored before their metadata carried the text key are still recognised', async () => {
    const first = testBackground();
    await first.service.setSettings({ keepPages: true });
    await first.service.analyzePage(speechPage(4), 1);
    const dbName = (first.store as unknown as { dbName: string }).dbName;
    await first.store.close();
    const db = await openUserDb(dbName);
    const [meta] = await db.getAll('meta');
    delete meta!.textKey; // as an older version wrote it
    await db.put('meta', meta!);
    db.close();
    const bg = testBackground({ dbName });
    const page = speechPage(4);
    await bg.service.analyzePage({ ...page, url: 'https://mirror.example.com/copy.html' }, 2);
    expect(await bg.store.count()).toBe(1);
    expect((await bg.store.metas())[0]!.textKey).toMatch(/^\d+:/);
  });
});
