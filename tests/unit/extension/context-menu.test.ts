import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createContextMenu,
  handleContextMenuClick,
  MENU_ID,
  selectionQuery,
} from '../../../extension/background/context-menu';
import { report, testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('context menu', () => {
  it('is created once, on selections, with the localised title and the %s placeholder', async () => {
    const create = vi.fn();
    const removeAll = vi.fn(async () => undefined);
    const getMessage = vi.fn((key: string, subs?: string[]) =>
      key === 'menuLookup' ? `在语料库中查找「${subs?.[0]}」` : '',
    );
    Object.assign(fakeBrowser, { contextMenus: { create, removeAll } });
    Object.assign(fakeBrowser.i18n, { getMessage });
    await createContextMenu();
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: '在语料库中查找「%s」', contexts: ['selection'] });
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
