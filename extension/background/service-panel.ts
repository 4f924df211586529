// The service's panel methods: settings, and what the context menu or a hover-card click left
// for a panel that opens after them.
import type { SuyuanService } from '../protocol';
import { browserLang, IS_FIREFOX, pageStrings } from '../ui-lang';
import { checkTabId } from './service-checks';
import type { ServiceContext } from './service';

/** A pending passage older than this is not applied (the user has moved on). On Firefox the user
 *  opens the sidebar after the card click (toolbar button or Alt+Shift+Y), which takes a while. */
const PENDING_PASSAGE_MS = 60_000;

type PanelMethods = Pick<
  Required<SuyuanService>,
  | 'getSettings'
  | 'setSettings'
  | 'takePendingLookup'
  | 'showPassage'
  | 'hoverPassage'
  | 'takePendingPassage'
  | 'pageStrings'
>;

export function panelMethods(c: ServiceContext): PanelMethods {
  return {
    async getSettings() {
      return c.deps.settings.load();
    },

    async pageStrings() {
      return pageStrings(browserLang(), IS_FIREFOX);
    },

    async setSettings(patch) {
      const next = await c.deps.settings.save(patch);
      await c.deps.tabs.markStale(c.now());
      // Open pages re-highlight with the new settings; a tab without a content script is skipped.
      for (const tab of c.deps.tabs.tabIds()) {
        c.deps
          .content(tab)
          .refresh()
          .catch(() => undefined);
      }
      return next;
    },

    async takePendingLookup() {
      return c.deps.pending.take();
    },

    async showPassage(passageIndex, tabId) {
      if (!Number.isInteger(passageIndex) || passageIndex < 0) throw new Error('showPassage needs a passage index');
      const tab = checkTabId(tabId);
      // Called before any await: opening the panel needs the click's user gesture.
      const opening = c.deps.openPanel(tab);
      // A panel opened by this click loads after the event below: it takes the passage on start.
      await c.deps.pendingPassage.set({ tabId: tab, passageIndex, at: c.now() });
      await opening;
      await c.deps.emit({ type: 'show-passage', tabId: tab, passageIndex });
    },

    async hoverPassage(passageIndex, tabId) {
      const tab = checkTabId(tabId);
      await c.deps.pointer?.hovered(tab, Number.isInteger(passageIndex) && passageIndex >= 0 ? passageIndex : -1);
    },

    async takePendingPassage(tabId) {
      const tab = checkTabId(tabId);
      const p = await c.deps.pendingPassage.take();
      if (p && p.tabId === tab && c.now() - p.at <= PENDING_PASSAGE_MS) return p.passageIndex;
      // No recent card click: the passage under the pointer, if any (the sidebar opened by its
      // shortcut or the toolbar button while the pointer rests on a passage).
      return c.deps.pointer?.at(tab) ?? null;
    },
  };
}
