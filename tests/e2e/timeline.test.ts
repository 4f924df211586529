// The panel's evidence views end to end in Chromium: a 平乐县 page copied from seed 002 (西宁,
// 2022-09-29) with 西宁 left twice and a paragraph of the 2026 湖北 report (wording several 2026
// provincial reports share), dated 2026-03-20 on the page. The leftovers come first, 西宁 as one card
// with its two places; the timeline places the page after its dated holders. A second page, dated
// 2021, is older than its source: the panel says so. Screenshots panel-leftovers and panel-timeline.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoForeignRequests } from './expectations';
import { screenshot, useHarness, waitFor, type Harness } from './harness';
import { escapeHtml, paragraphs } from './pages';
import { bundled } from './texts';

const SEED = bundled('seeds').find((d) => d.file.includes('/002_'))!;
const HUBEI = bundled().find((d) => d.file.includes('gwr-2026-hubei'))!;
const TITLE = '在平乐县组织部长会议上的讲话';

/** Seed 002 as a 平乐县 copier leaves it: 西宁 replaced once and kept twice, 全市 → 全县. */
function countyCopy(): string {
  let k = 0;
  return SEED.body
    .replaceAll('西宁', (m) => (k++ === 1 ? '平乐' : m))
    .replaceAll('全市', '全县')
    .replaceAll('市委', '县委');
}

/** The 湖北 paragraph holding 努力把农业建成现代化大产业 (held by several provinces' reports). */
function farmingParagraph(): string {
  const p = HUBEI.body.split('\n').find((x) => x.includes('努力把农业建成现代化大产业'));
  if (!p) throw new Error(`${HUBEI.file} lacks the farming paragraph`);
  return p;
}

/** The county's page: its date as the dateline under the title (what the extension reads from the
 *  text; the site's 发布时间 line is page furniture and dropped with it). */
function countyPage(date: string, body: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE} - 平乐县人民政府</title></head>
<body><header><a href="/">首页</a> <a href="/zwgk">政务公开</a></header>
<main><h1>${TITLE}</h1><p class="info">发布时间：${escapeHtml(date)}\u3000来源：平乐县委组织部</p>
<article><p>（${y}年${m}月${d}日）</p>${paragraphs(body)}</article></main><footer>平乐县人民政府 主办</footer></body></html>`;
}

let h: Harness;
let panel: Page;
let urls: { newer: string; older: string };

const harness = useHarness(async (started) => {
  urls = {
    newer: started.server.serve(
      '/pingle/2026/zzbz.html',
      countyPage('2026-03-20', `${countyCopy()}\n${farmingParagraph()}`),
    ),
    older: started.server.serve('/pingle/2021/zzbz.html', countyPage('2021-05-10', countyCopy())),
  };
  panel = await started.open(`chrome-extension://${started.extensionId}/sidepanel.html`);
  await panel.setViewportSize({ width: 420, height: 900 });
});
beforeEach(() => {
  h = harness();
});

async function visit(url: string): Promise<Page> {
  const page = await h.open(url);
  await waitFor(`a badge on ${url}`, () => h.badgeText(page));
  await page.bringToFront();
  return page;
}

describe('evidence in the side panel', () => {
  it('lists the leftovers first: 西宁 as one card with its two places, template slots by kind', async () => {
    const page = await visit(urls.newer);
    const compare = panel.locator('#sy-panel-compare');
    await waitFor('the leftovers', () => compare.locator('.leftovers li.leftover').first().isVisible());
    const first = compare.locator('.leftovers li.leftover').first();
    expect(await first.locator('.leftover-text').innerText()).toBe('西宁');
    expect(await first.getAttribute('data-count')).toBe('2');
    expect(await first.innerText()).toContain('来源写作 西宁；本页其他处写作 平乐');
    expect(await compare.locator('.page-facts').innerText()).toContain('本页日期 2026-03-20 · 地点 平乐县');
    // Before the sources and the passages, in document order.
    const order = await compare.evaluate((el) =>
      ['.leftovers', '.candidates', '.timeline', '.passages'].map((s) => {
        const n = el.querySelector(s);
        return n ? [...el.querySelectorAll('*')].indexOf(n) : -1;
      }),
    );
    expect(order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    await compare.locator('.leftovers').scrollIntoViewIfNeeded();
    await screenshot(panel, 'panel-leftovers');
    await page.close();
  });

  it('shows the timeline: dated holders, then this page; clicking the source selects its passage', async () => {
    const page = await visit(urls.newer);
    const timeline = panel.locator('#sy-panel-compare .timeline');
    await waitFor('the timeline', () => timeline.isVisible());
    const rows = await timeline
      .locator('.tl-dated .tl-entry')
      .evaluateAll((lis) =>
        lis.map((li) => [li.querySelector('.tl-date')!.textContent, li.querySelector('.tl-title')!.textContent]),
      );
    // The paragraph's wording recurs in other provinces' reports, but only 湖北's holds the passage.
    expect(rows).toEqual([
      ['2022-09-29', SEED.title],
      ['2026-01-27', HUBEI.title],
      ['2026-03-20', `本页 ${TITLE}`],
    ]);
    await timeline.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(panel, 'panel-timeline');
    await timeline.getByRole('button', { name: `查看：${SEED.title}` }).click();
    await waitFor('a selected passage of seed 002', async () => {
      const sel = panel.locator('#sy-panel-compare .passage[aria-current=true]');
      return (await sel.count()) === 1;
    });
    expect(await panel.locator('#sy-panel-compare .page-older').count()).toBe(0);
    await page.close();
  });

  it('says the page may be the original when it is dated before its closest source', async () => {
    const page = await visit(urls.older);
    const note = panel.locator('#sy-panel-compare .page-older');
    await waitFor('the page-older note', () => note.isVisible());
    expect(await note.innerText()).toContain('本页早于该来源：可能是原稿');
    expect(await note.innerText()).toContain('2022-09-29');
    await page.close();
    expectNoForeignRequests(h);
  });
});
