import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PassageCard } from '../../components/compare/passage-card';
import type { Passage } from '../../core/model/types';

afterEach(cleanup);

const page = '我們要堅持發展，李四同志到會。';
const passage: Passage = {
  start: 0,
  end: page.length,
  docId: 'd',
  docStart: 0,
  docEnd: 14,
  similarity: 0.9,
  // Folded: one real edit (张三→李四); the script differences only in scriptDiff.
  diff: [
    [0, '我們要堅持發展，'],
    [-1, '张三'],
    [1, '李四'],
    [0, '同志到會。'],
  ],
  scriptDiff: [
    [0, '我'],
    [-1, '们'],
    [1, '們'],
    [0, '要'],
    [-1, '坚'],
    [1, '堅'],
    [0, '持'],
    [-1, '发'],
    [1, '發'],
    [0, '展，'],
    [-1, '张三'],
    [1, '李四'],
    [0, '同志到'],
    [-1, '会'],
    [1, '會'],
    [0, '。'],
  ],
};

const card = () =>
  render(
    <PassageCard
      index={0}
      passage={passage}
      pageText={page}
      docBody={undefined}
      colour={undefined}
      mode="diff"
      selected={false}
      onReveal={() => {}}
    />,
  );

describe('script differences in a passage card', () => {
  it('shows only real edits, and the script differences behind a toggle', () => {
    const { container } = card();
    expect(container.querySelectorAll('.chip')).toHaveLength(1);
    const toggle = screen.getByRole('button', { name: /繁简字形差异（4 处/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(container.querySelectorAll('.chip').length).toBe(5);
    expect(screen.getByRole('button', { name: '隐藏繁简字形差异' }).getAttribute('aria-pressed')).toBe('true');
  });
});
