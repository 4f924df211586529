// Opening the panel differs by browser: Chromium has sidePanel (the action button can open it by
// itself), Firefox has sidebarAction (WXT maps the sidepanel entrypoint to sidebar_action there).
// Both refuse to open without a user gesture, so `openPanel` must be called synchronously from
// the click handler, before any await.
import { browser } from 'wxt/browser';

interface SidebarAction {
  open(): Promise<void>;
  toggle?(): Promise<void>;
}

function sidePanelApi(): typeof browser.sidePanel | undefined {
  return (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
}

function sidebarActionApi(): SidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/** Makes the toolbar button open the panel. */
export function setupActionOpensPanel(): void {
  const sidePanel = sidePanelApi();
  if (sidePanel?.setPanelBehavior) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((err: unknown) => {
      console.warn('[suyuan] setPanelBehavior:', err);
    });
    return;
  }
  const sidebar = sidebarActionApi();
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (sidebar && action) {
    action.onClicked.addListener(() => {
      // Called synchronously inside the click: Firefox requires the gesture.
      void (sidebar.toggle ?? sidebar.open)
        .call(sidebar)
        .catch((err: unknown) => console.warn('[suyuan] sidebar:', err));
    });
  }
}

/** Opens the panel for `tabId`. Resolves false (never throws) when the browser refuses. */
export function openPanel(tabId: number | undefined): Promise<boolean> {
  try {
    const sidePanel = sidePanelApi();
    const pending = sidePanel?.open
      ? tabId !== undefined
        ? sidePanel.open({ tabId })
        : Promise.reject(new Error('no tab to open the side panel in'))
      : sidebarActionApi()?.open();
    if (!pending) return Promise.resolve(false);
    return pending.then(
      () => true,
      (err: unknown) => {
        console.debug('[suyuan] could not open the panel:', err);
        return false;
      },
    );
  } catch (err) {
    console.debug('[suyuan] could not open the panel:', err);
    return Promise.resolve(false);
  }
}
