// "Look up “…” in the corpus" on selected text. The title comes from _locales; its `$SELECTION$`
// placeholder is filled with "%s", which the browser replaces with the selection.
import { browser, type Browser } from 'wxt/browser';
import type { LookupResult } from '../../core/model/types';
import type { PanelEvent, SuyuanService } from '../protocol';

export const MENU_ID = 'suyuan-lookup';
/** Longer selections are cut: a lookup is for a phrase, not a page. */
export const MAX_QUERY_CHARS = 200;

export function menuTitle(): string {
  try {
    const t = (browser.i18n.getMessage as (key: string, subs: string[]) => string)('menuLookup', ['%s']);
    if (t) return t;
  } catch {
    // i18n is unavailable in some test setups.
  }
  return '在语料库中查找「%s」';
}

export async function createContextMenu(): Promise<void> {
  const menus = browser.contextMenus;
  // Menus survive worker restarts in Chromium; removing first keeps a second create from failing
  // with a duplicate id on browsers that rebuild them.
  await menus.removeAll();
  menus.create({ id: MENU_ID, title: menuTitle(), contexts: ['selection'] });
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
