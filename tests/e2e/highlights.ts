// Reading the CSS Custom Highlight registry of a page, which the content script shares with it.
import type { Frame, Page } from 'playwright-core';

export interface HighlightState {
  /** Size of every registered highlight, by name. */
  sizes: Record<string, number>;
  /** Text of the first ranges of the named highlight. */
  texts: string[];
  /** Ranges of the named highlight whose nodes left the document. */
  detached: number;
  /** Ranges of the named highlight outside `within` (when given). */
  outside: number;
  /** Empty ranges: a live Range whose text was removed collapses instead of detaching. */
  collapsed: number;
}

/** Reads the page's CSS highlight registry (shared between the page and content scripts). */
export async function highlights(page: Page | Frame, name: string, within?: string): Promise<HighlightState> {
  return page.evaluate(
    ({ name, within }) => {
      const sizes: Record<string, number> = {};
      const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
      if (!registry) return { sizes, texts: [], detached: 0, outside: 0, collapsed: 0 };
      registry.forEach((h, key) => (sizes[key] = h.size));
      const container = within ? document.querySelector(within) : null;
      const texts: string[] = [];
      let detached = 0;
      let outside = 0;
      let collapsed = 0;
      for (const r of registry.get(name) ?? []) {
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) {
          detached++;
          continue;
        }
        if (container && !(container.contains(r.startContainer) && container.contains(r.endContainer))) outside++;
        if (r.collapsed) collapsed++;
        if (texts.length < 50) {
          const range = document.createRange();
          try {
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            texts.push(range.toString());
          } catch {
            texts.push('');
          }
        }
      }
      return { sizes, texts, detached, outside, collapsed };
    },
    { name, within },
  );
}
