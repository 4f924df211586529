// Issue 13, fault 12: a speech inside a same-origin iframe or an open shadow root was never read,
// so it got no badge and no highlights. The top frame's content script now walks into both; the
// marks in a frame are set in the frame's own highlight registry, whose ::highlight rules come
// from the manifest's all_frames stylesheet; "show on page" reaches the frame's text too.
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { visibleCard } from './card';
import { highlights, screenshot, useHarness, waitFor, type Harness } from './harness';
import { REUSE_HIGHLIGHT, expectNoForeignRequests } from './expectations';
import { paragraphs, perturb, sitePage } from './pages';
import { seedSpeech } from './texts';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

const compact = (s: string) => s.replace(/\s+/g, '');
const intro = '<p>以下为讲话全文，请点击阅读。</p>';

/** The page's reuse highlights (in `where`: the page or a frame), once there are some. */
async function litUp(where: Page | Frame, what: string) {
  return waitFor(`${what}: reuse highlights`, async () => {
    const s = await highlights(where, REUSE_HIGHLIGHT);
    return (s.sizes[REUSE_HIGHLIGHT] ?? 0) > 0 ? s : null;
  });
}

/** A point on the n-th reuse mark of `where` (a frame's marks are in the frame's own registry),
 *  in the top page's viewport: a frame's viewport starts at its element's content box. */
async function onMark(page: Page, where: Page | Frame, n: number, root?: 'shadow') {
  const p = await where.evaluate(
    ({ name, n, root }) => {
      const all = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])];
      const ranges = root ? all.filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot) : all;
      const range = ranges[Math.min(n, ranges.length - 1)]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + Math.min(30, r.width / 2), y: r.top + r.height / 2, text: range.toString() };
    },
    { name: REUSE_HIGHLIGHT, n, root },
  );
  const frame = where === page ? null : await (where as Frame).frameElement();
  const box = frame ? await frame.boundingBox() : { x: 0, y: 0 };
  return { x: box!.x + p.x, y: box!.y + p.y, text: p.text };
}

/** Rests the pointer on `at` and returns the card that appears (read through the closed root). */
async function hoverCard(page: Page, at: { x: number; y: number }, what: string) {
  await page.mouse.move(at.x, at.y);
  await page.mouse.move(at.x + 1, at.y);
  return waitFor(`the hover card over ${what}`, () => visibleCard(page));
}

/** The background colour the browser gives the reuse highlight on the element holding `text`. */
/** The tab's badge, once set, checked to say at least half the page is reused. */
async function reuseBadge(page: Page): Promise<string> {
  const badge = await waitFor('a badge', () => h.badgeText(page));
  expect(Number(/^(\d+)%$/.exec(badge)?.[1] ?? 0)).toBeGreaterThanOrEqual(50);
  return badge;
}

/** Reuse marks whose text sits inside a shadow tree (open or closed: the page's registry holds them). */
function reuseRangesInShadowTrees(page: Page): Promise<number> {
  return page.evaluate((name) => {
    const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])];
    return ranges.filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).length;
  }, REUSE_HIGHLIGHT);
}

function markColour(where: Page | Frame, selector: string): Promise<string> {
  return where.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el ? getComputedStyle(el, '::highlight(suyuan-reuse)').backgroundColor : 'no element';
  }, selector);
}

describe('speeches the top document does not hold itself', () => {
  it('a speech in a same-origin iframe gets a badge, highlights in the frame, and "show on page"', async () => {
    const seed = seedSpeech(2);
    const { text } = perturb(seed.body);
    h.server.serve(
      '/fanwen/frame-body.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>正文</title></head><body>${paragraphs(text)}</body></html>`,
    );
    const page = await h.open(
      h.server.serve(
        '/fanwen/framed.html',
        sitePage({
          title: seed.title,
          article: `${intro}<iframe id="body" src="/fanwen/frame-body.html" style="width:100%;height:600px;border:0"></iframe>`,
        }),
      ),
    );
    const frame = await waitFor('the frame', async () =>
      page.frames().find((f) => f.url().endsWith('frame-body.html')),
    );
    const state = await litUp(frame, 'speech in an iframe');
    const badge = await reuseBadge(page);
    console.log(`iframe: badge "${badge}", ${state.sizes[REUSE_HIGHLIGHT]} reuse ranges in the frame`);
    for (const t of state.texts.filter((x) => compact(x).length >= 4)) expect(compact(text)).toContain(compact(t));
    // The colour comes from the stylesheet the manifest puts in every frame.
    expect(await markColour(frame, 'p')).toBe('rgba(250, 204, 21, 0.45)');
    // The pointer resting on a mark in the frame shows the source's card in the top page.
    const card = await hoverCard(page, await onMark(page, frame, 3), 'a mark in the iframe');
    console.log(`iframe: card ${JSON.stringify(card)}`);
    expect(card.title).toBe(seed.title);
    expect(card.meta).toMatch(/相似度 \d+%/);
    await screenshot(page, 'page-hover-card-in-iframe');
    await page.mouse.move(2, 2);
    // "Show on page": the panel's reveal of a passage in the frame flashes the frame's text.
    const tabId = await h.tabIdOf(page);
    const revealed = await h.inWorker(
      async ({ tab, para }) => {
        const c = (
          globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }
        ).chrome;
        const ask = (method: string, args: unknown[]) =>
          c.tabs.sendMessage(tab, { __suyuan: 'content', method, args }) as Promise<{ value: unknown }>;
        const pageText = (await ask('getPageText', [])).value as { text: string };
        const at = pageText.text.indexOf(para);
        return (await ask('reveal', [at, at + para.length])).value;
      },
      {
        tab: tabId,
        para: text
          .split('\n')
          .find((l) => l.trim().length > 60)!
          .trim(),
      },
    );
    expect(revealed).toBe(true);
    await waitFor(
      'the flash in the frame',
      async () => (await highlights(frame, 'suyuan-flash')).sizes['suyuan-flash'],
    );
    await screenshot(page, 'page-speech-in-iframe');
    expectNoForeignRequests(h);
    await page.close();
  });

  it('a speech in an open shadow root gets a badge and highlights drawn inside the shadow tree', async () => {
    const seed = seedSpeech(3);
    const { text } = perturb(seed.body);
    const lines = text.split('\n').filter((l) => l.trim());
    const script = `<script>
      const root = document.querySelector('speech-view').attachShadow({ mode: 'open' });
      for (const line of ${JSON.stringify(lines)}) { const p = document.createElement('p'); p.textContent = line; root.append(p); }
    </script>`;
    const page = await h.open(
      h.server.serve(
        '/fanwen/shadow.html',
        sitePage({ title: seed.title, article: `${intro}<speech-view></speech-view>`, tail: script }),
      ),
    );
    const state = await litUp(page, 'speech in a shadow root');
    const badge = await reuseBadge(page);
    console.log(`shadow root: badge "${badge}", ${state.sizes[REUSE_HIGHLIGHT]} reuse ranges`);
    expect(await reuseRangesInShadowTrees(page)).toBeGreaterThan(0);
    for (const t of state.texts.filter((x) => compact(x).length >= 4)) expect(compact(text)).toContain(compact(t));
    // Chromium gives text in a shadow tree the page-level ::highlight colour (highlight inheritance).
    const colour = await page.evaluate(() => {
      const p = document.querySelector('speech-view')!.shadowRoot!.querySelector('p')!;
      return getComputedStyle(p, '::highlight(suyuan-reuse)').backgroundColor;
    });
    expect(colour).toBe('rgba(250, 204, 21, 0.45)');
    await screenshot(page, 'page-speech-in-shadow-root');
    const card = await hoverCard(page, await onMark(page, page, 3, 'shadow'), 'a mark in the shadow root');
    console.log(`shadow root: card ${JSON.stringify(card)}`);
    expect(card.title).toBe(seed.title);
    await screenshot(page, 'page-hover-card-in-shadow-root');
    expectNoForeignRequests(h);
    await page.close();
  });

  it('a closed shadow root is read in rendered order (slotted light text at its slot), marked, with a card', async () => {
    const seed = seedSpeech(4);
    const { text } = perturb(seed.body);
    const lines = text.split('\n').filter((l) => l.trim().length > 30);
    // The host's light children hold the first and last paragraphs; the closed shadow tree shows
    // them through named slots around the rest, so the DOM order (first, last, …) is not the
    // rendered one (first, middle…, last).
    const first = lines[0]!;
    const rest = lines.slice(1);
    const last = rest.pop()!;
    const script = `<script>
      const host = document.querySelector('speech-view');
      const root = host.attachShadow({ mode: 'closed' });
      const slot = (name) => { const s = document.createElement('slot'); s.name = name; return s; };
      root.append(slot('first'));
      for (const line of ${JSON.stringify(rest)}) { const p = document.createElement('p'); p.textContent = line; root.append(p); }
      root.append(slot('last'));
    </script>`;
    const light = `<p slot="last">${last}</p><p slot="first">${first}</p>`;
    const page = await h.open(
      h.server.serve(
        '/fanwen/closed-shadow.html',
        sitePage({ title: seed.title, article: `${intro}<speech-view>${light}</speech-view>`, tail: script }),
      ),
    );
    const state = await litUp(page, 'speech in a closed shadow root');
    const badge = await reuseBadge(page);
    console.log(`closed shadow root: badge "${badge}", ${state.sizes[REUSE_HIGHLIGHT]} reuse ranges`);
    // The page cannot see into the root, but the marks are there (in the page's registry).
    expect(await reuseRangesInShadowTrees(page)).toBeGreaterThan(0);
    // The text sent for analysis is in rendered order.
    const tabId = await h.tabIdOf(page);
    const pageText = await h.inWorker(async (tab) => {
      const c = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }
      ).chrome;
      const r = (await c.tabs.sendMessage(tab, { __suyuan: 'content', method: 'getPageText', args: [] })) as {
        value: { text: string };
      };
      return r.value.text;
    }, tabId);
    const at = [first, rest[0]!, rest[rest.length - 1]!, last].map((l) => compact(pageText).indexOf(compact(l)));
    console.log(`closed shadow root: rendered-order positions ${JSON.stringify(at)}`);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const card = await hoverCard(page, await onMark(page, page, 2, 'shadow'), 'a mark in the closed shadow root');
    expect(card.title).toBe(seed.title);
    await screenshot(page, 'page-hover-card-in-closed-shadow-root');
    expectNoForeignRequests(h);
    await page.close();
  });
});
