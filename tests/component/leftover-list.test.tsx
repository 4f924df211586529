import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LeftoverList } from '../../components/evidence/leftover-list';
import type { PageAnalysis } from '../../core/model/page';

const SEED = 'seeds/002_576c2e6f06f9add2.md';

function analysis(): PageAnalysis {
  return {
    page: {
      url: 'http://x/',
      title: 't',
      text: '',
      detect: { speechLike: true, score: 1, script: 'simplified', reasons: [] },
    },
    match: {
      candidates: [],
      passages: [],
      reuseRatio: 0.9,
      date: '2023-03-02',
      place: '平乐县',
      selfCopies: ['user/1'],
      leftovers: [
        { start: 3, end: 5, text: '**', kind: 'placeholder', docId: null, evidence: '未填写的模板占位符 **' },
        { start: 10, end: 12, text: '西宁', kind: 'place', docId: SEED, evidence: 'x', pageUses: '平乐县' },
      ],
    },
    boilerplate: [],
    docs: { [SEED]: { id: SEED, title: '全市组织部长会议讲话', origin: 'bundled' } },
    analysedAt: 0,
  };
}

describe('LeftoverList', () => {
  it('lists names first, says what the source had, notes the saved copy, and reveals on click', () => {
    const onReveal = vi.fn();
    const { container, getByText } = render(<LeftoverList analysis={analysis()} onReveal={onReveal} />);
    const items = [...container.querySelectorAll('li')].map((li) => li.querySelector('.leftover-text')!.textContent);
    expect(items).toEqual(['西宁', '**']);
    expect(container.textContent).toContain('来源写作 西宁；本页其他处写作 平乐县');
    expect(container.textContent).toContain('已存入你的语料库');
    expect(container.textContent).toContain('本页日期 2023-03-02 · 地点 平乐县');
    fireEvent.click(getByText('西宁'));
    expect(onReveal).toHaveBeenCalledWith(expect.objectContaining({ start: 10, end: 12 }));
  });
});
