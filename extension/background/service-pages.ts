// The service's page methods: analyse a page for its tab, give the panel a tab's analysis, and
// reveal a passage in the page.
import type { SentPage } from '../../core/model/page';
import type { SuyuanService } from '../protocol';
import { SPEECH_MARK } from './badge';
import { keepIfWanted } from './keep-pages';
import { pageMark } from './marks';
import { checkPage, checkTabId } from './service-checks';
import type { ServiceContext } from './service';

type PageMethods = Pick<Required<SuyuanService>, 'analyzePage' | 'getTabAnalysis' | 'revealInTab'>;

async function lookupReady(c: ServiceContext): Promise<boolean> {
  const loaded = c.deps.engine.peek();
  return !!loaded && (await loaded).lookupReady();
}

export function pageMethods(c: ServiceContext): PageMethods {
  return {
    async analyzePage(page, tabId) {
      const p = checkPage(page);
      const tab = tabId == null ? undefined : checkTabId(tabId);
      if (p.text.trim() === '') return null;
      pageMark('request', true);
      c.deps.engine.announce();
      const generation = tab === undefined ? 0 : c.deps.tabs.generation(tab);
      // The mark shows at once; loading the engine on a cold worker can take a moment.
      if (tab !== undefined && p.detect.speechLike) await c.deps.setBadge(tab, SPEECH_MARK);
      const analysis = await c.analyseForTab(p, tab, generation, true);
      // After the page's own analysis, so it is never compared with the copy kept here; a failure
      // to keep it must not cost the reader the comparison.
      await keepIfWanted(c, p).catch((err: unknown) => console.warn('[suyuan] keeping the page failed:', err));
      pageMark('answer');
      return analysis;
    },

    async getTabAnalysis(tabId) {
      const tab = checkTabId(tabId);
      const stored = await c.deps.tabs.get(tab);
      if (!stored) {
        // The content script's request (or another panel's) is being answered: its answer is
        // this tab's analysis, not a second one of the same page (single-flight.ts).
        const running = c.analysing(tab);
        if (running) return running;
        // Pages that did not look like a speech were never analysed: the panel's "compare anyway"
        // lands here, so fetch the page text from the tab and analyse it now.
        let page: SentPage | null = null;
        try {
          page = await c.deps.content(tab).getPageText();
        } catch (err) {
          console.debug('[suyuan] no page text:', err);
        }
        if (!page || page.text.trim() === '') return null;
        return c.analyseForTab(checkPage(page), tab, undefined, true);
      }
      if (stored.analysedAt >= (await c.deps.tabs.getStaleBefore())) {
        // An answer that left firstSeen out is completed once lookup's text is built (never by
        // building it now: that reads every body while the panel waits).
        if (!stored.firstSeenPending || !(await lookupReady(c))) return stored;
      }
      // firstSeen waits for lookup's text here too: building it now would read every body while
      // the panel waits (seen in the bench as a 5,000-body read after a cold page). With the text
      // built, nothing is deferred.
      return c.analyseForTab(stored.page, tab, undefined, true);
    },

    async revealInTab(tabId, start, end) {
      const tab = checkTabId(tabId);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
        throw new Error('revealInTab needs 0 <= start < end');
      }
      try {
        return await c.deps.content(tab).reveal(start, end);
      } catch (err) {
        // No content script in that tab (closed, navigated, restricted page).
        console.debug('[suyuan] reveal:', err);
        return false;
      }
    },
  };
}
