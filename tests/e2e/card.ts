// The hover card lives in a closed shadow root, out of the page's reach (and Playwright's, whose
// selectors pierce open roots only). The DevTools protocol's DOM tree with `pierce` includes closed
// roots, so a test can read what the card says.
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface CardText {
  title: string;
  meta: string;
  /** The "open in the panel" line, or null when it is hidden. */
  open: string | null;
}

const attr = (n: CdpNode, name: string): string | null => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? '';
  return null;
};
const textOf = (n: CdpNode): string =>
  n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join('');

function* walk(n: CdpNode): Generator<CdpNode> {
  yield n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) yield* walk(c);
}

/** What the visible hover card says, or null when none is shown. */
export async function visibleCard(page: Page): Promise<CardText | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const inHosts = [...walk(root)]
      .filter((h) => attr(h, 'data-suyuan-ui') !== null)
      .flatMap((h) => (h.shadowRoots ?? []).flatMap((r) => [...walk(r)]));
    for (const n of inHosts) {
      if (n.localName !== 'div' || !(attr(n, 'class') ?? '').split(' ').includes('card')) continue;
      if (attr(n, 'hidden') !== null) continue;
      const part = (name: string) => (n.children ?? []).find((c) => attr(c, 'class') === name);
      const open = part('open');
      return {
        title: textOf(part('title') ?? n),
        meta: textOf(part('meta') ?? n),
        open: open && attr(open, 'hidden') === null ? textOf(open) : null,
      };
    }
    return null;
  } finally {
    await cdp.detach();
  }
}
