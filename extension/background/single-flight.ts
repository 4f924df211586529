// One analysis per page in flight. A tab's page can be asked for by several callers at once: the
// content script's request, and the side panel following the newly active tab (it asks the content
// script for the text and analyses it itself when no analysis is stored yet). Each ran its own
// analysis, reading the same bodies from IndexedDB twice (the bench's cold pages at 5,000 user
// documents: 46 holders' bodies read twice in 3 of 5 runs). A request for the same tab, page and
// tab generation as one in flight now shares its promise.
import type { PageAnalysis, PageText } from '../../core/model/page';
import { pageMark } from './marks';

export type AnalyseForTab = (
  page: PageText,
  tabId: number | undefined,
  generation?: number,
  deferFirstSeen?: boolean,
) => Promise<PageAnalysis>;

/** Everything of the page the analysis reads: two requests with equal keys get equal answers. */
function pageKey(page: PageText, tabId: number, generation: number, defer: boolean): string {
  const { url, title, text, meta, lead, truncated } = page;
  return JSON.stringify([tabId, generation, defer, url, title, meta ?? null, lead ?? null, !!truncated, text]);
}

export interface SingleFlight {
  /** `analyse`, with concurrent requests for the same tab and page sharing one run. Requests
   *  without a tab are not shared (nothing stored, nothing to race over). */
  analyse: AnalyseForTab;
  /** The tab's analysis in flight now (the latest started), if any, unless the tab has navigated
   *  since it started. */
  running(tabId: number): Promise<PageAnalysis> | undefined;
}

export function singleFlight(analyse: AnalyseForTab, generationOf: (tabId: number) => number): SingleFlight {
  const flights = new Map<string, Promise<PageAnalysis>>();
  const byTab = new Map<number, { gen: number; p: Promise<PageAnalysis> }>();
  return {
    analyse(page, tabId, generation, deferFirstSeen = false) {
      if (tabId === undefined) return analyse(page, tabId, generation, deferFirstSeen);
      const gen = generation ?? generationOf(tabId);
      const key = pageKey(page, tabId, gen, deferFirstSeen);
      const running = flights.get(key);
      if (running) {
        pageMark('shared');
        return running;
      }
      const p = analyse(page, tabId, gen, deferFirstSeen).finally(() => {
        flights.delete(key);
        if (byTab.get(tabId)?.p === p) byTab.delete(tabId);
      });
      flights.set(key, p);
      byTab.set(tabId, { gen, p });
      return p;
    },
    running(tabId) {
      const f = byTab.get(tabId);
      return f && f.gen === generationOf(tabId) ? f.p : undefined;
    },
  };
}
