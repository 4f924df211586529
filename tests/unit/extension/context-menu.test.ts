import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createContextMenu,
  handleContextMenuClick,
  MENU_ID,
  selectionQuery,
} from '../../../extension/background/context-menu';
import { VIEW_MENU_ID } from '../../../extension/background/passage-menu';
import { report, testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('context menu', () => {
  it('is created on selections, in the browser language, with the %s placeholder', async () => {
    const create = vi.fn();
    const removeAll = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { contextMenus: { create, removeAll } });
    const lang = vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    await createContextMenu();
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: '在语料库中查找「%s」', contexts: ['selection'] });
    // "View this passage", hidden until a passage is under the pointer (Chromium's words in tests).
    const view = { id: VIEW_MENU_ID, contexts: ['page', 'link'], visible: false };
    expect(create).toHaveBeenCalledWith({ ...view, title: '在侧边栏中查看此段' });
    lang.mockReturnValue('zh-TW');
    await createContextMenu();
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: '在語料庫中查找「%s」', contexts: ['selection'] });
    expect(create).toHaveBeenLastCalledWith({ ...view, title: '在側邊面板中檢視此段' });
    lang.mockReturnValue('en-US');
    await createContextMenu();
    expect(create).toHaveBeenLastCalledWith({ ...view, title: 'View this passage in the side panel' });
    lang.mockRestore();
  });

  it('is recreated idempotently: overlapping starts never create a duplicate id (issue 13, fault 2)', async () => {
    const items = new Set<string>();
    const create = vi.fn(({ id }: { id: string }) => {
      if (items.has(id)) throw new Error(`duplicate id ${id}`);
      items.add(id);
    });
    const removeAll = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 5));
      items.clear();
    });
    Object.assign(fakeBrowser, { contextMenus: { create, removeAll } });
    await Promise.all([createContextMenu(), createContextMenu(), createContextMenu()]);
    expect(create).toHaveBeenCalledTimes(6);
    expect([...items]).toEqual([MENU_ID, VIEW_MENU_ID]);
  });

  it('a click with a selection opens the panel, leaves the query for it, and does the lookup', async () => {
    const bg = testBackground();
    const phrase = report('gwr-2002').body.replace(/\s/g, '').slice(200, 210);
    const openPanel = vi.fn(async () => true);
    const setPending = vi.fn(bg.deps.pending.set);
    const result = await handleContextMenuClick(
      { menuItemId: MENU_ID, selectionText: `  ${phrase}\n` },
      { id: 4 },
      {
        service: bg.service,
        setPending,
        emit: bg.deps.emit,
        openPanel,
      },
    );
    // The panel is opened first, inside the gesture.
    expect(openPanel).toHaveBeenCalledWith(4);
    expect(openPanel.mock.invocationCallOrder[0]).toBeLessThan(setPending.mock.invocationCallOrder[0]!);
    expect(bg.events).toContainEqual({ type: 'lookup', query: phrase });
    expect(result!.query).toBe(phrase);
    expect(result!.hits.some((h) => h.docId === 'reports/gwr-2002.md')).toBe(true);
    // The panel takes the query exactly once.
    expect(await bg.service.takePendingLookup()).toBe(phrase);
    expect(await bg.service.takePendingLookup()).toBeNull();
  });

  it('ignores other menu items and empty selections', async () => {
    const bg = testBackground();
    const deps = {
      service: bg.service,
      setPending: bg.deps.pending.set,
      emit: bg.deps.emit,
      openPanel: vi.fn(async () => true),
    };
    expect(await handleContextMenuClick({ menuItemId: 'other', selectionText: '改革' }, { id: 1 }, deps)).toBeNull();
    expect(await handleContextMenuClick({ menuItemId: MENU_ID, selectionText: ' \n ' }, { id: 1 }, deps)).toBeNull();
    expect(deps.openPanel).not.toHaveBeenCalled();
  });

  it('collapses whitespace and caps very long selections', () => {
    expect(selectionQuery('深化\n  改革')).toBe('深化 改革');
    expect(selectionQuery('字'.repeat(1000))!.length).toBe(200);
    expect(selectionQuery(undefined)).toBeNull();
  });
});
