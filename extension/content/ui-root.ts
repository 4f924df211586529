// One closed shadow root for everything Suyuan draws on a page (hover card, fallback overlay):
// page styles cannot reach in, page scripts cannot reach in, and removing one element undoes it all.

export const HOST_TAG = 'suyuan-ui';

export interface UiRoot {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

export function createUiRoot(doc: Document, css: string): UiRoot {
  const host = doc.createElement(HOST_TAG);
  // The host takes no space and no clicks; children opt back in.
  host.style.cssText =
    'all:initial;position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;pointer-events:none;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  (doc.documentElement ?? doc.body).append(host);
  return { host, root, remove: () => host.remove() };
}
