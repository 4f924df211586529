// "View this passage in the sidebar": a context-menu item over a marked passage. Firefox opens its
// sidebar only inside a user-input handler of its own UI (menus.onClicked is one; a click on a web
// page, even in an extension frame, is not: w3c/webextensions#787), so this menu item is how a
// passage on the page opens the sidebar there. Chromium gets the same item (sidePanel.open is
// allowed from a menu click too).
// Which passage: the content script tells the background the passage under the pointer whenever
// it changes (hoverPassage), so the item is shown only over a passage and knows which one. The
// sidebar's shortcut (Alt+Shift+Y, Firefox's own command) and the toolbar button open at it too:
// the panel asks takePendingPassage on opening, which falls back to the passage under the pointer.
import type { Browser } from 'wxt/browser';

export const VIEW_MENU_ID = 'suyuan-view-passage';

export interface PassageMenuDeps {
  /** Shows or hides the menu item (contextMenus.update). */
  setVisible(visible: boolean): Promise<void>;
  /** Opens the panel: called synchronously inside the click (the user gesture). */
  openPanel(tabId: number | undefined): Promise<boolean>;
  /** Leaves the passage for a panel that opens after the click, and tells an open one (a panel
   *  opening now also finds it through `at`, whichever comes first). */
  showPassage(tabId: number, passageIndex: number): Promise<void>;
}

export interface PassageMenu {
  /** The content script's report: passage `passageIndex` (-1: none) is under the pointer in `tabId`. */
  hovered(tabId: number, passageIndex: number): Promise<void>;
  /** The passage under the pointer in `tabId`, or null. */
  at(tabId: number): number | null;
  /** Another tab came to the front: the item follows that tab's pointer. */
  activated(tabId: number): Promise<void>;
  forget(tabId: number): void;
  /** menus.onClicked: true when the click was this item's. */
  onClicked(info: Pick<Browser.contextMenus.OnClickData, 'menuItemId'>, tab: { id?: number } | undefined): boolean;
}

/** Kept in memory: the pointer's passage matters only while the user is on the page (the worker
 *  stays up while the content script reports). A worker restarted in between forgets it, and the
 *  item then opens the panel without choosing a passage. */
export function createPassageMenu(deps: PassageMenuDeps): PassageMenu {
  const byTab = new Map<number, number>();
  let front: number | undefined;
  let visible = false;
  const show = async (v: boolean) => {
    if (v === visible) return;
    visible = v;
    await deps.setVisible(v);
  };
  return {
    async hovered(tabId, passageIndex) {
      if (!Number.isInteger(passageIndex) || passageIndex < 0) byTab.delete(tabId);
      else byTab.set(tabId, passageIndex);
      front = tabId;
      await show(byTab.has(tabId));
    },
    at(tabId) {
      return byTab.get(tabId) ?? null;
    },
    async activated(tabId) {
      front = tabId;
      await show(byTab.has(tabId));
    },
    forget(tabId) {
      byTab.delete(tabId);
      if (front === tabId) void show(false).catch(() => undefined);
    },
    onClicked(info, tab) {
      if (info.menuItemId !== VIEW_MENU_ID) return false;
      // Before anything else: Firefox's sidebarAction.open() needs the click's handler on the stack.
      void deps.openPanel(tab?.id);
      const index = tab?.id === undefined ? undefined : byTab.get(tab.id);
      if (tab?.id !== undefined && index !== undefined) {
        deps.showPassage(tab.id, index).catch((err: unknown) => console.warn('[suyuan] view passage:', err));
      }
      return true;
    },
  };
}
