// Keep pages as you read, end to end in Chromium: the first-run choice turns it on; three speech
// pages and one news page leave exactly the three in the user corpus (URL, date and place filled);
// a revisit keeps nothing new; a later page copied from one of them finds it as its source; the
// corpus overview shows them. Texts are the project's own synthetic speeches (no corpus has them).
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { syntheticSpeech } from '../fixtures/synthetic-speech';
import { expectNoForeignRequests, quietPeriod } from './expectations';
import { screenshot, useHarness, waitFor, type Harness } from './harness';
import { escapeHtml, paragraphs, perturb, sitePage } from './pages';

interface StoredDoc {
  id: string;
  title: string;
  body: string;
  url?: string;
  capturedAt?: string;
  date?: string;
  place?: string;
  via?: string;
}

let h: Harness;
let panel: Page;
const SEEDS = [51, 52, 53];
const speeches = SEEDS.map((s) => syntheticSpeech(s));
const urls: string[] = [];

const NEWS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>体育公园正式开放 - 县新闻网</title></head>
<body><main><h1>体育公园正式开放</h1>${[
  '本报讯 昨天上午，县城新建的体育公园正式对市民开放。公园占地约120亩，设有篮球场、足球场和两公里长的健身步道。',
  '开放首日，不少市民一早就来到公园散步锻炼。家住附近的王女士说，以前锻炼要坐车去城东，现在走几分钟就到了。',
  '据介绍，公园夜间照明将开放到晚上十点，停车场可停放小汽车三百余辆，周末还将举办青少年篮球赛。',
]
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('')}</main></body></html>`;

/** Every document in the extension's IndexedDB (the user corpus), read inside the worker. */
const storedDocs = (): Promise<StoredDoc[]> =>
  h.inWorker(
    () =>
      new Promise<StoredDoc[]>((resolve, reject) => {
        const open = indexedDB.open('suyuan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('docs').objectStore('docs').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as StoredDoc[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    undefined,
  );
const kept = async () => (await storedDocs()).filter((d) => d.via === 'kept');

/** Opens a page and waits until the extension has analysed it (its badge shows). */
async function visit(url: string): Promise<Page> {
  const page = await h.open(url);
  await waitFor(`a badge on ${url}`, () => h.badgeText(page));
  return page;
}

const harness = useHarness(
  async (started) => {
    panel = await started.open(`chrome-extension://${started.extensionId}/sidepanel.html`);
    await panel.setViewportSize({ width: 420, height: 900 });
    speeches.forEach((s, i) =>
      urls.push(
        started.server.serve(
          `/county/speech-${SEEDS[i]}.html`,
          sitePage({ title: s.title, article: paragraphs(s.body) }),
        ),
      ),
    );
  },
  { firstRun: true },
);
beforeEach(() => {
  h = harness();
});

describe('keep pages as you read', () => {
  it('is offered on first run, plainly, saying it stays in the browser; the choice turns it on', async () => {
    const card = panel.locator('.first-run');
    await waitFor('the first-run card', () => card.isVisible());
    expect(await card.innerText()).toContain('只存在这个浏览器里');
    await screenshot(panel, 'panel-first-run');
    await card.getByRole('button', { name: '开启边读边存' }).click();
    await waitFor('the card to go', async () => !(await card.isVisible()));
    const settings = await h.inWorker(async () => {
      const g = globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      };
      return (await g.chrome.storage.local.get('settings')).settings as { keepPages?: boolean; welcomeDone?: boolean };
    }, undefined);
    expect(settings).toMatchObject({ keepPages: true, welcomeDone: true });
  });

  it('keeps exactly the three speech pages, with URL, capture time, date and place', async () => {
    for (const url of urls) await (await visit(url)).close();
    const news = await h.open(h.server.serve('/news/park.html', NEWS));
    await quietPeriod(2500);
    expect(await h.badgeText(news)).toBe('');
    await news.close();
    const docs = await waitFor('three kept pages', async () => ((await kept()).length === 3 ? kept() : null));
    expect(docs.map((d) => d.url).sort()).toEqual([...urls].sort());
    for (const [i, s] of speeches.entries()) {
      const doc = docs.find((d) => d.url === urls[i])!;
      expect(doc.title).toBe(s.title);
      expect(doc.date).toBe(s.date);
      expect(doc.place).toBe(s.place);
      expect(Date.now() - Date.parse(doc.capturedAt!)).toBeLessThan(10 * 60_000);
      expect(doc.body).toContain(s.body.split('\n')[3]!);
    }
  });

  it('keeps nothing new when one of them is visited again', async () => {
    const again = await visit(urls[1]!);
    await quietPeriod(2500);
    await again.close();
    expect((await storedDocs()).length).toBe(3);
  });

  it('finds the kept page as the source of a later page copied from it', async () => {
    const source = speeches[1]!;
    const copy = await visit(
      h.server.serve(
        '/copier/reprint.html',
        sitePage({ title: '讲话稿（转载）', article: paragraphs(perturb(source.body).text) }),
      ),
    );
    await copy.bringToFront();
    const compare = panel.locator('#sy-panel-compare');
    await waitFor('the kept page as the top candidate', async () =>
      (await compare.locator('.candidate').first().innerText()).includes(source.title),
    );
    expect(await h.badgeText(copy)).toMatch(/^\d+%$/);
    await screenshot(panel, 'panel-kept-source');
    await copy.close();
  });

  it('shows the corpus overview and lets the kept pages be reviewed', async () => {
    await panel.getByRole('tab', { name: '语料库' }).click();
    const corpus = panel.locator('#sy-panel-corpus');
    await waitFor('the kept-pages figures', async () => /阅读时保存：\d+ 篇/.test(await corpus.innerText()));
    await waitFor('the overview', () => corpus.locator('.overview .year-column').first().isVisible());
    await corpus.locator('.kept-bar').scrollIntoViewIfNeeded();
    await screenshot(panel, 'panel-corpus-overview');
    await corpus.getByRole('button', { name: '查看' }).click();
    const n = (await kept()).length;
    await waitFor('only the kept pages listed', async () => (await corpus.locator('.doc-list li').count()) === n);
    expect(await corpus.locator('.doc-list').innerText()).toContain(speeches[0]!.title);
    expectNoForeignRequests(h);
  });
});
