import { fireEvent, render, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LeftoverList } from '../../components/evidence/leftover-list';
import { groupLeftovers } from '../../core/evidence/leftover-groups';
import type { PageAnalysis } from '../../core/model/page';
import { I18nContext, MESSAGES } from '../../components/i18n/i18n';
import { countyAnalysis, SEED_002 } from './evidence-fixtures';

let analysis: PageAnalysis;

beforeAll(async () => {
  analysis = await countyAnalysis('2023-03-02');
}, 60_000);

const indexesOf = (text: string, needle: string) => {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
};

describe('LeftoverList on a county page copied from seed 002 with 西宁 left twice', () => {
  it('puts 西宁 first as one card with two places, then one card per kind of template slot', () => {
    const { container } = render(<LeftoverList analysis={analysis} onReveal={() => undefined} />);
    const cards = [...container.querySelectorAll('li.leftover')];
    const first = cards[0]!;
    expect(first.classList.contains('leftover-place')).toBe(true);
    expect(first.querySelector('.leftover-text')!.textContent).toBe('西宁');
    expect(first.getAttribute('data-count')).toBe('2');
    expect(first.textContent).toContain('来源写作 西宁；本页其他处写作 平乐');
    expect(first.textContent).toContain('全市组织部长会议讲话');
    // Slots: one card per kind (name, date, mark), whatever the number of XX and ** on the page.
    const slots = cards.filter((c) => c.classList.contains('leftover-placeholder'));
    expect(slots.map((c) => c.querySelector('.leftover-kind')!.textContent)).toEqual([
      '姓名空位',
      '日期空位',
      '占位符',
    ]);
    const total = (analysis.match.leftovers ?? []).filter((l) => l.kind === 'placeholder').length;
    expect(slots.reduce((n, c) => n + Number(c.getAttribute('data-count')), 0)).toBe(total);
    expect(cards.length).toBe(1 + slots.length);
    expect(container.textContent).toContain('本页日期 2023-03-02 · 地点 平乐县');
  });

  it('clicks through to each occurrence on the page', () => {
    const onReveal = vi.fn();
    const { container } = render(<LeftoverList analysis={analysis} onReveal={onReveal} />);
    const { getByLabelText } = within(container as HTMLElement);
    const where = indexesOf(analysis.page.text, '西宁');
    expect(where).toHaveLength(2);
    fireEvent.click(getByLabelText('在页面中显示第 2 处“西宁”'));
    expect(onReveal).toHaveBeenLastCalledWith(expect.objectContaining({ start: where[1], end: where[1]! + 2 }));
    fireEvent.click(container.querySelector('li.leftover button')!);
    expect(onReveal).toHaveBeenLastCalledWith(expect.objectContaining({ start: where[0], docId: SEED_002 }));
  });

  it('says the same in Traditional Chinese and English', () => {
    for (const [lang, kind, why] of [
      ['zh-TW', '地名', '來源寫作 西宁'],
      ['en', 'place', 'The source wrote 西宁'],
    ] as const) {
      const { container, unmount } = render(
        <I18nContext.Provider value={{ lang, t: MESSAGES[lang], setLang: () => undefined }}>
          <LeftoverList analysis={analysis} onReveal={() => undefined} />
        </I18nContext.Provider>,
      );
      const first = container.querySelector('li.leftover')!;
      expect(first.querySelector('.leftover-kind')!.textContent).toBe(kind);
      expect(first.textContent).toContain(why);
      unmount();
    }
  });
});

describe('groupLeftovers', () => {
  it('orders names before slots and keeps each group in page order', () => {
    const l = (start: number, text: string, kind: 'place' | 'person' | 'placeholder', docId: string | null = 'a') => ({
      start,
      end: start + text.length,
      text,
      kind,
      docId,
      evidence: '',
    });
    const groups = groupLeftovers([
      l(1, 'XX', 'placeholder', null),
      l(5, '骆惠宁', 'person'),
      l(9, '西宁', 'place'),
      l(20, '×月×日', 'placeholder', null),
      l(30, '西宁', 'place'),
      l(40, '20**年', 'placeholder', null),
      l(50, '**', 'placeholder', null),
    ]);
    expect(groups.map((g) => [g.kind, g.slot ?? '', g.texts.join('|'), g.items.map((i) => i.start)])).toEqual([
      ['place', '', '西宁', [9, 30]],
      ['person', '', '骆惠宁', [5]],
      ['placeholder', 'date', '×月×日|20**年', [20, 40]],
      ['placeholder', 'mark', 'XX|**', [1, 50]],
    ]);
  });
});
