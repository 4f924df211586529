// The timeline and the "page older than its source" warning, in the real panel over a county page
// copied from seed 002 (2022-09-29) with two reposts in the user's corpus (2023-04-11, undated).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../core/evidence/timeline';
import type { PageAnalysis } from '../../core/model/page';
import { countyAnalysis, evidenceCorpus, SEED_002 } from './evidence-fixtures';
import { createFakeService } from './fixtures';
import { renderPanel } from './render-panel';

const TAB = 3;
let older: PageAnalysis;
let newer: PageAnalysis;

beforeAll(async () => {
  older = await countyAnalysis('2021-05-10');
  newer = await countyAnalysis('2024-06-18');
}, 60_000);
afterEach(cleanup);

function setup(analysis: PageAnalysis, lang: 'zh-CN' | 'zh-TW' | 'en' = 'zh-CN') {
  const fake = createFakeService({ docs: evidenceCorpus(), analyses: { [TAB]: analysis } });
  renderPanel({ service: fake.service, bus: fake.bus, tabId: TAB, lang });
  return fake;
}

const rows = (sel: string) =>
  [...document.querySelectorAll(`${sel} .tl-entry`)].map((li) => [
    li.querySelector('.tl-date')!.textContent,
    li.querySelector('.tl-title')!.textContent,
  ]);

describe('timeline', () => {
  it('places the page among the dated holders and lists the undated apart', async () => {
    setup(newer);
    await screen.findByRole('region', { name: '时间线' });
    expect(rows('.tl-dated')).toEqual([
      ['2022-09-29', '全市组织部长会议讲话'],
      ['2023-04-11', '海东市组织工作会议讲话'],
      ['2024-06-18', '本页 在平乐县组织部长会议上的讲话'],
    ]);
    expect(rows('.tl-undated')).toEqual([['—', '网友转载：组织部长讲话']]);
    const page = document.querySelector('.tl-page')!;
    expect(page.textContent).toContain('平乐县');
    const seed = [...document.querySelectorAll('.tl-entry')].find((li) => li.textContent!.includes('全市组织部长'))!;
    expect(seed.textContent).toContain('西宁市');
    expect(seed.textContent).toContain('最早');
    expect(seed.textContent).toContain('来源');
    // A candidate that holds no passage (seed 000, shared wording only) is not on the timeline.
    expect(document.querySelector('.timeline')!.textContent).not.toContain('市委动员会议讲话');
    expect(document.querySelector('.page-older')).toBeNull();
  });

  it('a holder that is a source selects its passage and shows it on the page; another opens in the reader', async () => {
    const fake = setup(newer);
    fireEvent.click(await screen.findByRole('button', { name: '查看：全市组织部长会议讲话' }));
    const p = newer.match.passages.find((x) => x.docId === SEED_002)!;
    await waitFor(() => expect(fake.service.revealInTab).toHaveBeenCalledWith(TAB, p.start, p.end));
    fireEvent.click(screen.getByRole('button', { name: '查看：网友转载：组织部长讲话' }));
    await waitFor(() => expect(fake.service.getDoc).toHaveBeenCalledWith('user/repost.md'));
  });

  it('warns when the page is dated before its closest source, in each language', async () => {
    for (const [lang, words] of [
      ['zh-CN', '本页早于该来源：可能是原稿'],
      ['zh-TW', '本頁早於該來源：可能是原稿'],
      ['en', 'This page is older than that source: it may be the original'],
    ] as const) {
      setup(older, lang);
      await waitFor(() => expect(document.querySelector('.page-older')?.textContent).toContain(words));
      expect(document.querySelector('.page-older')!.textContent).toContain('2022-09-29');
      expect(document.querySelector('.page-older')!.textContent).toContain('2021-05-10');
      cleanup();
    }
  });

  it('puts a page with no date of its own among the undated', () => {
    const tl = buildTimeline({ ...newer.match, date: null }, newer.page, (id) => newer.docs[id]);
    expect(tl.undated[0]!.docId).toBeNull();
    expect(tl.dated.every((e) => e.docId !== null)).toBe(true);
  });
});
