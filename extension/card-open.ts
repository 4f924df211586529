// Firefox only: the hover card's "compare in the sidebar" link is this tiny extension page, framed
// inside the card. Firefox lets sidebarAction.open() run only inside the handler of a user action
// in the extension's own pages (a click on a web page, passed on by a message, is refused:
// "sidebarAction.open may only be called from a user input handler"), so the click must land
// here. The passage index comes in the URL fragment (#i=N), updated by the content script.
import { browser } from 'wxt/browser';
import { suyuan } from './messaging';
import { browserLang, pageStrings } from './ui-lang';

interface SidebarAction {
  open(): Promise<void>;
}

export function passageFromHash(hash: string): number | null {
  const m = /(?:^#|&)i=(\d+)/.exec(hash);
  return m ? Number(m[1]) : null;
}

export function startCardOpen(doc: Document): void {
  const button = doc.getElementById('open')!;
  button.textContent = pageStrings(browserLang(), true).open;
  doc.addEventListener('click', () => {
    // First, synchronously: the user-input status ends at the first await.
    const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
    sidebar?.open().catch((err: unknown) => console.warn('[suyuan] sidebar:', err));
    const index = passageFromHash(doc.defaultView?.location.hash ?? '');
    if (index !== null) suyuan.showPassage(index).catch((err: unknown) => console.warn('[suyuan] passage:', err));
  });
}
