// Hit-testing highlighted passages (no elements to hover) and the hover card's click.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { targetAt } from '../../../extension/content/hit-test';
import { createHoverCard } from '../../../extension/content/hover-card';
import { HOST_SELECTOR } from '../../../extension/content/ui-root';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('targetAt', () => {
  it('finds the passage whose range holds the caret under the pointer and whose box holds the point', () => {
    document.body.innerHTML = '<p id="a">各位代表，现在我代表国务院作政府工作报告。</p><p id="b">请予审议。</p>';
    const text = document.querySelector('#a')!.firstChild as Text;
    const r = document.createRange();
    r.setStart(text, 2);
    r.setEnd(text, 8);
    const box = { left: 10, right: 110, top: 20, bottom: 40, width: 100, height: 20 };
    vi.spyOn(r, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    const caret = vi.fn((_x: number, _y: number) => ({ offsetNode: text as Node, offset: 5 }));
    Object.assign(document, { caretPositionFromPoint: caret });
    const targets = [{ ranges: [r], item: 'passage-0' }];
    expect(targetAt(document, targets, 50, 30)).toBe('passage-0');
    // Caret inside the range but the point in the margin (outside every box).
    expect(targetAt(document, targets, 300, 30)).toBeNull();
    // Caret outside the range.
    caret.mockReturnValueOnce({ offsetNode: text, offset: 12 });
    expect(targetAt(document, targets, 50, 30)).toBeNull();
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });
});

describe('hover card', () => {
  it('lives in one host element, and is removed with it', () => {
    const onOpen = vi.fn();
    const card = createHoverCard(document, onOpen);
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
    card.show({ passageIndex: 3, title: '2002年政府工作报告', similarity: 0.93 }, 100, 200);
    expect(card.shown?.passageIndex).toBe(3);
    expect(document.querySelectorAll(HOST_SELECTOR)).toHaveLength(1);
    // Closed shadow root: the page cannot read into it.
    expect(document.querySelector(HOST_SELECTOR)!.shadowRoot).toBeNull();
    card.hide();
    expect(card.shown).toBeNull();
    card.destroy();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
  });
});
