// Hit-testing highlighted passages (no elements to hover) and the hover card's click.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { targetAt } from '../../../extension/content/hit-test';
import { createHoverCard } from '../../../extension/content/hover-card';
import { HOST_SELECTOR } from '../../../extension/content/ui-root';
import { pageStrings } from '../../../extension/ui-lang';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('targetAt', () => {
  const box = { left: 10, right: 110, top: 20, bottom: 40, width: 100, height: 20 };
  const rangeIn = (text: Node, a: number, b: number) => {
    const r = (text.ownerDocument ?? document).createRange();
    r.setStart(text, a);
    r.setEnd(text, b);
    vi.spyOn(r, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    return r;
  };

  it('finds the passage one of whose line boxes holds the point, and nothing in the margin', () => {
    document.body.innerHTML = '<p id="a">各位代表，现在我代表国务院作政府工作报告。</p><p id="b">请予审议。</p>';
    const targets = [{ ranges: [rangeIn(document.querySelector('#a')!.firstChild!, 2, 8)], item: 'passage-0' }];
    expect(targetAt(document, targets, 50, 30)).toBe('passage-0');
    expect(targetAt(document, targets, 300, 30)).toBeNull();
    expect(targetAt(document, targets, 50, 41)).toBeNull();
  });

  it('finds a passage inside a shadow root (the caret would stop at the host)', () => {
    document.body.innerHTML = '<speech-view></speech-view>';
    const root = document.querySelector('speech-view')!.attachShadow({ mode: 'closed' });
    root.innerHTML = '<p>各位代表，现在我代表国务院作政府工作报告。</p>';
    const targets = [{ ranges: [rangeIn(root.querySelector('p')!.firstChild!, 0, 6)], item: 'in-shadow' }];
    expect(targetAt(document, targets, 50, 30)).toBe('in-shadow');
  });

  it("tests a frame's ranges only against points in the frame's own viewport", () => {
    document.body.innerHTML = '<p>页面正文</p><iframe></iframe>';
    const frameDoc = document.querySelector('iframe')!.contentDocument!;
    frameDoc.body.innerHTML = '<p>各位代表，现在我代表国务院作政府工作报告。</p>';
    const targets = [{ ranges: [rangeIn(frameDoc.querySelector('p')!.firstChild!, 0, 6)], item: 'in-frame' }];
    expect(targetAt(document, targets, 50, 30)).toBeNull();
    expect(targetAt(frameDoc, targets, 50, 30)).toBe('in-frame');
  });
});

describe('hover card', () => {
  it('lives in one host element, and is removed with it', () => {
    const onOpen = vi.fn();
    const card = createHoverCard(document, onOpen, pageStrings('zh-CN', false));
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
