import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CorpusDoc } from '../../core/model/types';
import type { PageAnalysis } from '../../core/model/page';
import { texts } from '../fixtures/corpus';
import { analyse, buildPage, createFakeService, seedDocs, SWAPS } from './fixtures';
import { renderPanel } from './render-panel';

const TAB = 7;
let docs: CorpusDoc[];
let analysis: PageAnalysis;

beforeAll(() => {
  docs = seedDocs();
  const { engine } = createFakeService({ docs });
  analysis = analyse(engine, buildPage(docs));
});
afterEach(cleanup);

function setup(analyses: Record<number, PageAnalysis | null> = { [TAB]: analysis }, tabId: number | null = TAB) {
  const fake = createFakeService({ docs, analyses });
  renderPanel({ service: fake.service, bus: fake.bus, tabId });
  return fake;
}

describe('compare view', () => {
  it('ranks the closest speeches with their similarity', async () => {
    setup();
    const buttons = await screen.findAllByRole('button', { name: /^查看来源：/ });
    const expected = analysis.match.candidates.map((c) => `查看来源：${c.title}`);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(expected);
    expect(screen.getByTestId('reuse').textContent).toContain(`${Math.round(analysis.match.reuseRatio * 100)}%`);
  });

  it('gives one meaning to every percentage: the share of the page, only for sources with passages', async () => {
    setup();
    const buttons = await screen.findAllByRole('button', { name: /^查看来源：/ });
    const text = analysis.page.text;
    const nonSpace = (a: number, b: number): number => text.slice(a, b).replace(/\s/g, '').length;
    const total = nonSpace(0, text.length);
    let sum = 0;
    for (const [k, c] of analysis.match.candidates.entries()) {
      const own = analysis.match.passages.filter((p) => p.docId === c.id);
      const score = buttons[k]!.querySelector('.cand-score');
      if (!own.length) {
        expect(score, `${c.title} has no passage: no percentage`).toBeNull();
        expect(buttons[k]!.textContent).not.toMatch(/\d%/);
        continue;
      }
      const share = own.reduce((a, p) => a + nonSpace(p.start, p.end), 0) / total;
      sum += share;
      expect(score!.textContent).toBe(`${Math.round(share * 100)}%`);
      expect(score!.getAttribute('title')).toContain('占本页');
    }
    // The sources' shares add up to the page's reuse figure.
    expect(sum).toBeCloseTo(analysis.match.reuseRatio, 6);
    expect(screen.getByText('百分比为占本页的比例')).toBeTruthy();
  });

  it('folds sources without reused passages behind a toggle, under the ranked ones', async () => {
    setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    const withPassages = new Set(analysis.match.passages.map((p) => p.docId));
    const rest = analysis.match.candidates.filter((c) => !withPassages.has(c.id));
    expect(rest.length, 'the fixture has sources without passages').toBeGreaterThan(0);
    const details = document.querySelector<HTMLDetailsElement>('details.more-candidates')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe(`另有 ${rest.length} 篇相近讲话（无复用段落）`);
    const folded = [...details.querySelectorAll('button.candidate')].map((b) => b.getAttribute('aria-label'));
    expect(folded).toEqual(rest.map((c) => `查看来源：${c.title}`));
  });

  it('marks swapped names as substitution chips', async () => {
    setup();
    // The chosen source is the best candidate that has passages; make sure it is seed 000's.
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    fireEvent.click(screen.getByRole('button', { name: '查看来源：市委动员会议讲话(区)' }));
    for (const [from, to] of SWAPS) {
      const chip = screen.getByRole('note', { name: `“${from}”改为“${to}”` });
      expect(chip.querySelector('del')!.textContent).toBe(from);
      expect(chip.querySelector('ins')!.textContent).toBe(to);
    }
  });

  it('reveals a clicked passage in the tab with its page span', async () => {
    const fake = setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    const p = analysis.match.passages.find((x) => x.docId.includes('/002_'))!;
    const index = analysis.match.passages.indexOf(p);
    fireEvent.click(screen.getByRole('button', { name: '查看来源：全市组织部长会议讲话' }));
    const card = document.getElementById(`passage-${index}`)!;
    fireEvent.click(within(card).getByRole('button', { name: '在页面中显示' }));
    expect(fake.service.revealInTab).toHaveBeenCalledWith(TAB, p.start, p.end);
    expect(card.getAttribute('aria-current')).toBe('true');
    // The page text of that span is what the card shows.
    expect(card.textContent).toContain(analysis.page.text.slice(p.start, p.start + 20));
  });

  it('draws one reuse-map block per passage; a block reveals its passage', async () => {
    const fake = setup();
    const map = await screen.findByRole('region', { name: '复用分布图' });
    const blocks = within(map).getAllByRole('button');
    expect(blocks).toHaveLength(analysis.match.passages.length);
    fireEvent.click(blocks[1]!);
    const p = analysis.match.passages[1]!;
    expect(fake.service.revealInTab).toHaveBeenLastCalledWith(TAB, p.start, p.end);
    expect(within(map).getByRole('list', { name: '图例' }).textContent).toContain('全市组织部长会议讲话');
  });

  it('selects the passage named by a show-passage event, switching source and tab', async () => {
    const fake = setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    fireEvent.click(screen.getByRole('tab', { name: '语料库' }));
    const index = analysis.match.passages.findIndex((x) => x.docId.includes('/002_'));
    act(() => fake.bus.emit({ type: 'show-passage', tabId: TAB, passageIndex: index }));
    await waitFor(() => expect(document.getElementById(`passage-${index}`)?.getAttribute('aria-current')).toBe('true'));
    expect(screen.getByRole('tab', { name: '比对' }).getAttribute('aria-selected')).toBe('true');
    expect(fake.service.revealInTab).not.toHaveBeenCalled();
  });

  it('a panel opened by a hover-card click selects the passage the background kept for it', async () => {
    const fake = createFakeService({ docs, analyses: { [TAB]: analysis } });
    const index = analysis.match.passages.findIndex((x) => x.docId.includes('/002_'));
    fake.setPendingPassage(index);
    renderPanel({ service: fake.service, bus: fake.bus, tabId: TAB });
    await waitFor(() => expect(document.getElementById(`passage-${index}`)?.getAttribute('aria-current')).toBe('true'));
    expect(fake.service.takePendingPassage).toHaveBeenCalledWith(TAB);
    expect(fake.service.revealInTab).not.toHaveBeenCalled();
  });

  it('lists every source\'s passages in page order, each naming its source, under "all sources"', async () => {
    setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    const sources = new Set(analysis.match.passages.map((p) => p.docId));
    expect(sources.size).toBeGreaterThan(1);
    const oneSource = document.querySelectorAll('.passages .passage').length;
    expect(oneSource).toBeLessThan(analysis.match.passages.length);
    fireEvent.click(screen.getByRole('radio', { name: '全部来源' }));
    const cards = [...document.querySelectorAll('.passages .passage')];
    expect(cards).toHaveLength(analysis.match.passages.length);
    const order = cards.map((c) => analysis.match.passages[Number(c.id.replace('passage-', ''))]!);
    expect(order.map((p) => p.start)).toEqual([...order.map((p) => p.start)].sort((a, b) => a - b));
    cards.forEach((c, k) =>
      expect(c.querySelector('.p-source')?.textContent).toBe(`来源：${analysis.docs[order[k]!.docId]!.title}`),
    );
    expect(screen.getByRole('heading', { name: '全部复用段落（按页面顺序）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '所选来源' }));
    expect(document.querySelectorAll('.passages .passage')).toHaveLength(oneSource);
    expect(document.querySelector('.passages .p-source')).toBeNull();
  });

  it('side by side shows the page side and the source side', async () => {
    setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    fireEvent.click(screen.getByRole('button', { name: '查看来源：市委动员会议讲话(区)' }));
    fireEvent.click(screen.getByRole('radio', { name: '对照阅读' }));
    const p = analysis.match.passages.find((x) => x.docId.includes('/000_'))!;
    const card = document.getElementById(`passage-${analysis.match.passages.indexOf(p)}`)!;
    const [pageSide, docSide] = [...card.querySelectorAll('.side-by-side > div')];
    expect(pageSide!.textContent).toContain('王小明');
    expect(pageSide!.textContent).not.toContain('斯鑫良');
    expect(docSide!.textContent).toContain('斯鑫良');
    expect(docSide!.textContent).not.toContain('王小明');
  });

  it('exports a self-contained HTML report of the comparison', async () => {
    const fake = setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:report';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^suyuan-report-\d{4}-\d{2}-\d{2}\.html$/);
    });
    fireEvent.click(screen.getByRole('button', { name: '导出报告' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const html = await blobs[0]!.text();
    expect(html).toContain('溯源比对报告');
    expect(html).toContain('<del>斯鑫良</del>→<ins>王小明</ins>');
    const sources = new Set(analysis.match.passages.map((p) => p.docId));
    expect(new Set(fake.service.getDoc.mock.calls.map(([id]) => id))).toEqual(sources);
    create.mockRestore();
    click.mockRestore();
  });

  it('says so when there is no tab', async () => {
    setup({}, null);
    expect(await within(comparePanel()).findByText('没有可分析的标签页。请打开一个网页。')).toBeTruthy();
  });

  it('offers "compare anyway" while the analysis is pending, and shows it once it comes', async () => {
    const analyses: Record<number, PageAnalysis | null> = { [TAB]: null };
    const fake = setup(analyses);
    const again = await screen.findByRole('button', { name: '仍然比对' });
    expect(within(comparePanel()).getByText(/这个页面还没有分析结果/)).toBeTruthy();
    analyses[TAB] = analysis;
    fireEvent.click(again);
    expect(fake.service.getTabAnalysis).toHaveBeenCalledTimes(2);
    expect(await screen.findAllByRole('button', { name: /^查看来源：/ })).toHaveLength(
      analysis.match.candidates.length,
    );
  });

  it('re-fetches on analysis-updated for its tab only', async () => {
    const fake = setup();
    await screen.findAllByRole('button', { name: /^查看来源：/ });
    act(() => fake.bus.emit({ type: 'analysis-updated', tabId: TAB + 1 }));
    expect(fake.service.getTabAnalysis).toHaveBeenCalledTimes(1);
    act(() => fake.bus.emit({ type: 'analysis-updated', tabId: TAB }));
    await waitFor(() => expect(fake.service.getTabAnalysis).toHaveBeenCalledTimes(2));
  });

  it('explains a page that is not speech-like (a non-speech text)', async () => {
    const neg = texts('fiction')[0]!;
    const { engine } = createFakeService({ docs });
    const a = analyse(engine, { title: neg.title, text: neg.body }, false);
    setup({ [TAB]: a });
    expect(await screen.findByText(/这个页面看起来不像讲话或报告类文本/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '仍然比对' }).length).toBeGreaterThan(0);
  });
});

const comparePanel = () => document.getElementById('sy-panel-compare')!;
