// "View this passage in the sidebar" (issue 13, fault 1): shown only while a passage is under the
// pointer in the front tab; its click opens the panel inside the handler (Firefox's user-input
// rule) and then selects that passage; the panel opened by the shortcut takes the same passage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPassageMenu, VIEW_MENU_ID } from '../../../extension/background/passage-menu';
import { testBackground } from './helpers';

beforeEach(() => fakeBrowser.reset());

function menu() {
  const calls: string[] = [];
  const deps = {
    setVisible: vi.fn(async (v: boolean) => void calls.push(`visible ${v}`)),
    openPanel: vi.fn((tabId: number | undefined) => {
      calls.push(`open ${tabId}`);
      return Promise.resolve(true);
    }),
    showPassage: vi.fn(async (tabId: number, i: number) => void calls.push(`show ${tabId} ${i}`)),
  };
  return { m: createPassageMenu(deps), deps, calls };
}

describe('the passage menu item', () => {
  it('is visible only while the front tab has a passage under the pointer, updated on changes only', async () => {
    const { m, deps } = menu();
    await m.hovered(3, 2);
    await m.hovered(3, 5); // another passage: still visible, no update
    expect(deps.setVisible.mock.calls).toEqual([[true]]);
    expect(m.at(3)).toBe(5);
    await m.hovered(3, -1);
    expect(m.at(3)).toBeNull();
    await m.hovered(3, 1);
    await m.activated(4); // a tab with nothing under the pointer
    await m.activated(3); // back: the pointer still rests on passage 1 there
    expect(deps.setVisible.mock.calls.map((c) => c[0])).toEqual([true, false, true, false, true]);
    m.forget(3);
    expect(m.at(3)).toBeNull();
    expect(deps.setVisible).toHaveBeenLastCalledWith(false);
  });

  it('treats a bad index as nothing under the pointer', async () => {
    const { m } = menu();
    await m.hovered(1, 1.5);
    await m.hovered(2, Number.NaN);
    expect([m.at(1), m.at(2)]).toEqual([null, null]);
  });

  it('a click opens the panel synchronously, in the handler, then shows the hovered passage', async () => {
    const { m, deps, calls } = menu();
    await m.hovered(7, 4);
    calls.length = 0;
    expect(m.onClicked({ menuItemId: VIEW_MENU_ID }, { id: 7 })).toBe(true);
    // Nothing awaited yet: the open call happened inside onClicked itself.
    expect(calls).toEqual(['open 7', ...calls.slice(1)]);
    expect(deps.openPanel).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(deps.showPassage).toHaveBeenCalledWith(7, 4));
  });

  it('ignores other items; in a tab with no passage known it only opens the panel', async () => {
    const { m, deps } = menu();
    expect(m.onClicked({ menuItemId: 'suyuan-lookup' }, { id: 7 })).toBe(false);
    expect(deps.openPanel).not.toHaveBeenCalled();
    expect(m.onClicked({ menuItemId: VIEW_MENU_ID }, { id: 8 })).toBe(true);
    expect(deps.openPanel).toHaveBeenCalledWith(8);
    await Promise.resolve();
    expect(deps.showPassage).not.toHaveBeenCalled();
  });
});

describe('the service and the pointer', () => {
  it('hoverPassage reports to the menu; the opening panel takes a card click first, else the hovered passage', async () => {
    const bg = testBackground();
    const { m } = menu();
    bg.deps.pointer = m;
    await bg.service.hoverPassage(3, 9);
    expect(m.at(9)).toBe(3);
    // The sidebar opened by Alt+Shift+Y (or the toolbar button) with the pointer on passage 3.
    expect(await bg.service.takePendingPassage(9)).toBe(3);
    expect(await bg.service.takePendingPassage(10)).toBeNull();
    // A card click is the user's explicit choice: it wins once.
    await bg.service.showPassage(1, 9);
    expect(await bg.service.takePendingPassage(9)).toBe(1);
    expect(await bg.service.takePendingPassage(9)).toBe(3);
    await bg.service.hoverPassage(-1, 9);
    expect(await bg.service.takePendingPassage(9)).toBeNull();
    await expect(bg.service.hoverPassage(0, undefined)).rejects.toThrow();
  });
});
