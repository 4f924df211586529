// Leftovers on the live page, in Chromium: a county's page copied from seed 002 (the 西宁 speech)
// with 西宁 replaced by the county's own name everywhere except twice. Both kept 西宁 get the
// leftover mark on the page (its own CSS highlight, a red wavy underline over the reuse yellow),
// the pointer on one shows its card, and the panel lists both first.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seed } from '../fixtures/corpus';
import { LEFTOVER_HIGHLIGHT, REUSE_HIGHLIGHT } from './expectations';
import { highlights, screenshot, useHarness, waitFor, type Harness } from './harness';
import { paragraphs, sitePage } from './pages';

let h: Harness;
let county: Page;

/** Seed 002 as 临江县's speech: 全市 → 全县, 市委 → 县委, and the first of its three 西宁 → 临江. */
function countyBody(): string {
  let k = 0;
  return seed('002')
    .body.replaceAll('全市', '全县')
    .replaceAll('市委', '县委')
    .replaceAll('西宁', (m) => (k++ === 0 ? '临江' : m));
}

const harness = useHarness(async (started) => {
  county = await started.open(
    started.server.serve(
      '/linjiang/speech.html',
      sitePage({ title: '在临江县组织工作会议上的讲话', article: paragraphs(countyBody()) }),
    ),
  );
});
beforeEach(() => {
  h = harness();
});

/** The leftover ranges' texts, once the content script has drawn them. */
async function leftoverTexts(page: Page): Promise<string[]> {
  return waitFor('leftover marks on the page', async () => {
    const state = await highlights(page, LEFTOVER_HIGHLIGHT, '#article');
    return (state.sizes[LEFTOVER_HIGHLIGHT] ?? 0) > 0 ? state.texts : null;
  });
}

describe('leftovers on the page', () => {
  it('marks both kept 西宁, inside the reused text, with their own highlight', async () => {
    expect(countyBody().match(/西宁/g)).toHaveLength(2);
    const texts = await leftoverTexts(county);
    expect(texts.filter((t) => t === '西宁')).toHaveLength(2);
    const state = await highlights(county, LEFTOVER_HIGHLIGHT, '#article');
    expect(state.outside).toBe(0);
    expect((await highlights(county, REUSE_HIGHLIGHT)).sizes[REUSE_HIGHLIGHT]).toBeGreaterThan(0);
    // The leftover mark is drawn above the reuse yellow, and its ::highlight() rule is in force.
    const look = await county.evaluate(
      ({ leftover, reuse }) => {
        const reg = (CSS as unknown as { highlights: Map<string, { priority: number }> }).highlights;
        return { above: reg.get(leftover)!.priority > reg.get(reuse)!.priority };
      },
      { leftover: LEFTOVER_HIGHLIGHT, reuse: REUSE_HIGHLIGHT },
    );
    expect(look.above).toBe(true);
  });

  it('shows the marks, and the card of a 西宁 (screenshots looked at)', async () => {
    await county.bringToFront();
    const box = await county.evaluate((name) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
      const range = [...(h ?? [])].find((r) => r.toString() === '西宁');
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range?.getClientRects()[0];
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }, LEFTOVER_HIGHLIGHT);
    expect(box, 'a 西宁 leftover on the page').not.toBeNull();
    await screenshot(county, 'page-leftovers');
    await county.mouse.move(box!.x, box!.y);
    await county.mouse.move(box!.x + 1, box!.y);
    const host = await waitFor('the leftover card', async () =>
      (await county.evaluate(
        ({ x, y }) => document.elementFromPoint(x + 30, y + 30)?.hasAttribute('data-suyuan-ui') ?? false,
        box!,
      ))
        ? 'host'
        : null,
    );
    expect(host).toBe('host');
    await screenshot(county, 'page-leftover-card');
    await county.mouse.move(5, 5);
  });

  it('the panel lists 西宁 first (one card, both places), above the passages', async () => {
    const panel = await h.open(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await county.bringToFront();
    const compare = panel.locator('#sy-panel-compare');
    const items = compare.locator('.leftovers li.leftover');
    await waitFor('the leftovers list', async () => (await items.count()) >= 1);
    // One card per particular: 西宁 kept twice is one card, counted 2, with a jump to each place.
    const first = items.first();
    expect(await first.locator('.leftover-text').innerText()).toBe('西宁');
    expect(await first.getAttribute('data-count')).toBe('2');
    expect(await first.locator('.leftover-jump').count()).toBe(2);
    const order = await panel.evaluate(() => {
      const list = document.querySelector('#sy-panel-compare .leftovers');
      const passage = document.querySelector('#sy-panel-compare .passage');
      return !!list && !!passage && !!(list.compareDocumentPosition(passage) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    await panel.close();
  });
});
