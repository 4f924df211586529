// "Look up “…” in the corpus" on selected text, in the panel's language (extension/ui-lang.ts);
// "%s" in the title is replaced by the browser with the selection. The item is (re)created every
// time the background starts: Firefox forgets it across a browser restart, and runtime.onInstalled
// does not fire then.
import { browser, type Browser } from 'wxt/browser';
import type { LookupResult } from '../../core/model/types';
import type { PanelEvent, SuyuanService } from '../protocol';
import { browserLang, IS_FIREFOX, menuLookup, menuViewPassage } from '../ui-lang';
import { VIEW_MENU_ID } from './passage-menu';

export const MENU_ID = 'suyuan-lookup';
/** Longer selections are cut: a lookup is for a phrase, not a page. */
export const MAX_QUERY_CHARS = 200;

export function menuTitle(): string {
  return menuLookup(browserLang());
}

let creating: Promise<void> = Promise.resolve();

/** Idempotent: removes what an earlier start left, then creates the items. Calls are
 *  chained, so two starts close together never create a duplicate id. */
export function createContextMenu(): Promise<void> {
  creating = creating
    .catch(() => {})
    .then(async () => {
      const menus = browser.contextMenus;
      await menus.removeAll();
      menus.create({ id: MENU_ID, title: menuTitle(), contexts: ['selection'] });
      // Hidden until the content script reports a passage under the pointer (passage-menu.ts).
      menus.create({
        id: VIEW_MENU_ID,
        title: menuViewPassage(browserLang(), IS_FIREFOX),
        contexts: ['page', 'link'],
        visible: false,
      });
    });
  return creating;
}

export interface MenuDeps {
  service: Pick<SuyuanService, 'lookup'>;
  setPending(query: string): Promise<void>;
  emit(event: PanelEvent): Promise<void>;
  openPanel(tabId: number | undefined): Promise<boolean>;
}

export function selectionQuery(text: string | undefined): string | null {
  const q = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  return q === '' ? null : q;
}

/** The click handler, as a plain function. Opens the panel first (synchronously, inside the
 *  user gesture), leaves the query for the panel to take, tells an open panel, and runs the
 *  lookup so the engine is warm and the result is known. */
export async function handleContextMenuClick(
  info: Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText'>,
  tab: Pick<Browser.tabs.Tab, 'id'> | undefined,
  deps: MenuDeps,
): Promise<LookupResult | null> {
  if (info.menuItemId !== MENU_ID) return null;
  const query = selectionQuery(info.selectionText);
  if (!query) return null;
  const opened = deps.openPanel(tab?.id);
  await deps.setPending(query);
  await deps.emit({ type: 'lookup', query });
  const result = await deps.service.lookup(query);
  await opened;
  return result;
}
