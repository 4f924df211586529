// Issue 11: a 提法's hover card gives lookup's count. The first answer after a worker start counts
// a 提法 by the index (a fingerprint's documents) because lookup's text is not built yet; once it
// is, each such tab is analysed again and the answer is given to its content script, so its marks
// and cards get the real count.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { completeFirstSeen } from '../../../extension/background';
import { TabAnalyses } from '../../../extension/background/tab-state';
import type { PageAnalysis } from '../../../core/model/page';
import type { SuyuanService } from '../../../extension/protocol';

beforeEach(() => fakeBrowser.reset());

const analysis = (pending: boolean): PageAnalysis =>
  ({
    page: { url: 'https://example.org/a', title: 't', text: '文字', detect: { speechLike: true, score: 1 } },
    match: { candidates: [], passages: [], reuse: 0 },
    boilerplate: [],
    docs: {},
    analysedAt: Date.now(),
    ...(pending ? { firstSeenPending: true as const } : {}),
  }) as unknown as PageAnalysis;

describe('completeFirstSeen', () => {
  it("re-analyses each pending tab and gives the answer to that tab's content script", async () => {
    const tabs = new TabAnalyses();
    await tabs.set(1, analysis(true));
    await tabs.set(2, analysis(true)); // no content script there: the error is only logged
    await tabs.set(3, analysis(false)); // already complete
    const complete = analysis(false);
    const getTabAnalysis = vi.fn(async () => complete);
    const updated: Array<[number, PageAnalysis]> = [];
    const content = (tab: number) => ({
      update: async (a: PageAnalysis) => {
        if (tab === 2) throw new Error('Could not establish connection');
        updated.push([tab, a]);
      },
    });
    await completeFirstSeen(tabs, { getTabAnalysis } as unknown as SuyuanService, content);
    expect(getTabAnalysis.mock.calls).toEqual([[1], [2]]);
    expect(updated).toEqual([[1, complete]]);
  });
});
