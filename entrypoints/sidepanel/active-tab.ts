// Follows the active tab of the panel's window, which is the page the panel describes.
import { useEffect, useState } from 'preact/hooks';

/** `sidepanel.html?tabId=N` pins the panel to tab N: the panel opened as a tab (end-to-end tests,
 *  debugging) would otherwise describe itself. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export function useActiveTabId(): number | null {
  const pinned = pinnedTabId(location.search);
  const [tabId, setTabId] = useState<number | null>(pinned);
  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    const query = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(
        ([tab]) => {
          windowId = tab?.windowId;
          setTabId(tab?.id ?? null);
        },
        () => setTabId(null),
      );
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    void query();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}
