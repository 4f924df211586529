// One closed shadow root for everything Suyuan draws on a page (hover card, fallback overlay):
// page styles cannot reach in, page scripts cannot reach in, and removing one element undoes it all.
// The host is a plain <div>, not a custom element: a page can define any custom element name
// (its constructor then runs in the page's world on our element), but it cannot redefine div.
// Its inline styles are !important so page rules on div cannot hide or move it.

/** Selector of our hosts, for tests and for telling our own DOM changes from the page's. */
export const HOST_ATTR = 'data-suyuan-ui';
export const HOST_SELECTOR = `div[${HOST_ATTR}]`;

const hosts = new WeakSet<Node>();

/** True for a host made by createUiRoot (a page copying the attribute does not count). */
export function isUiHost(node: unknown): boolean {
  return hosts.has(node as Node);
}

export interface UiRoot {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

const HOST_STYLE =
  'all:initial;display:block;position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;pointer-events:none';

export function createUiRoot(doc: Document, css: string): UiRoot {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, '');
  // The host takes no space and no clicks; children opt back in.
  host.style.cssText = HOST_STYLE.split(';')
    .map((d) => `${d} !important`)
    .join(';');
  hosts.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  // Inside our closed shadow root, not in the page's DOM or style scope.
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  (doc.documentElement ?? doc.body).append(host);
  return { host, root, remove: () => host.remove() };
}
