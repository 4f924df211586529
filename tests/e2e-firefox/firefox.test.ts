// The Firefox build in Debian's firefox-esr, for real: badge and highlights on a copied speech, the
// real sidebar's comparison, "show on page", a hover-card click opening the sidebar at its passage,
// the context-menu lookup, zero requests to other hosts, and the menu still there after a browser
// restart. Screenshots go beside the Chromium ones (tests/e2e/screenshots/firefox-*.png).
// One launch for the session and one for the restart; see firefox.ts for how the sidebar is reached.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs, perturb, sitePage } from '../e2e/pages';
import { repoRoot, screenshotDir } from '../e2e/paths';
import { TestServer } from '../e2e/test-server';
import { excerpt, negativeNews, seedSpeech } from '../e2e/texts';
import { seed as bundledSeed } from '../fixtures/corpus';
import { waitFor } from '../e2e/wait-for';
import { FIREFOX, FIREFOX_HOUSEKEEPING, firefoxBuild, launchFirefox, packXpi, type Firefox } from './firefox';

const build = firefoxBuild(repoRoot);
const EXT = build?.dir ?? join(repoRoot, '.output', 'firefox-mv2');
const SIDEBAR_ID = build?.sidebarId ?? '';
const REUSE = 'suyuan-reuse';
const LEFTOVER = 'suyuan-leftover';

/** The labels of our visible items in the open page context menu ('' while it is not open). */
const OUR_MENU_ITEMS = `(() => { const m = document.getElementById('contentAreaContextMenu');
  return m.state === 'open' ? JSON.stringify([...m.querySelectorAll('menuitem')]
    .filter((i) => i.id.includes('suyuan') && !i.hidden).map((i) => i.label)) : ''; })()`;
const ACTIVATE_OUR_ITEM = `(() => { const m = document.getElementById('contentAreaContextMenu');
  m.activateItem([...m.querySelectorAll('menuitem')].find((i) => i.id.includes('suyuan') && !i.hidden)); return 'ok'; })()`;
const CLOSE_MENU = `(() => { document.getElementById('contentAreaContextMenu').hidePopup(); return 'ok'; })()`;
/** The hover card's "open" line, read through the closed shadow root by a privileged frame script. */
const CARD_OPEN_TEXT = `new Promise((resolve) => {
  const mm = gBrowser.selectedBrowser.messageManager;
  const key = 'e2e-card-' + Math.random().toString(36).slice(2);
  mm.addMessageListener(key, function l(m) { mm.removeMessageListener(key, l); resolve(JSON.stringify(m.data)); });
  const fs = 'sendAsyncMessage(' + JSON.stringify(key) + ', [...content.document.querySelectorAll("div[data-suyuan-ui]")]' +
    '.map((h) => h.openOrClosedShadowRoot?.querySelector(".card:not([hidden]) .open")?.textContent ?? null).filter(Boolean))';
  mm.loadFrameScript('data:application/javascript;charset=utf-8,' + encodeURIComponent(fs), false);
})`;
const seed = seedSpeech(0);
let server: TestServer;
let ff: Firefox;
let page: Page;
let profile: string;
let xpi: string;
let speechUrl: string;
let pageStyles = 0;

const save = (name: string, png: Buffer | Uint8Array) => writeFileSync(join(screenshotDir, name), png);

async function reuseRanges(p: Page): Promise<number> {
  return p.evaluate((name) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    return registry?.get(name)?.size ?? 0;
  }, REUSE);
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  }
  if (!build) throw new Error(`No Firefox build in ${EXT}: run npm run build:firefox first`);
  mkdirSync(screenshotDir, { recursive: true });
  server = await new TestServer().start();
  const html = sitePage({ title: seed.title, article: paragraphs(perturb(seed.body).text) });
  pageStyles = (html.match(/<style>/g) ?? []).length;
  speechUrl = server.serve('/fanwen/ff-speech.html', html);
  profile = mkdtempSync(join(tmpdir(), 'suyuan-ff-'));
  xpi = join(profile, '..', `${profile.split('/').pop()}.xpi`);
  await packXpi(EXT, xpi);
  ff = await launchFirefox({ profile, installXpi: xpi, proxyPort: server.port, sidebarId: SIDEBAR_ID });
  page = await ff.firstPage();
  await page.goto(speechUrl, { waitUntil: 'load' });
  await waitFor('reuse highlights in Firefox', async () => (await reuseRanges(page)) > 0);
}, 180_000);

afterAll(async () => {
  await ff?.close().catch(() => {});
  await server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (xpi) rmSync(xpi, { force: true });
});

describe(`Firefox (${FIREFOX})`, () => {
  it('highlights the copied passages without touching the page DOM, and badges the tab', async () => {
    expect(ff.version).toMatch(/firefox/i);
    const dom = await page.evaluate(() => ({
      styles: document.querySelectorAll('style').length,
      adopted: document.adoptedStyleSheets.length,
      // Our UI host is a plain div; no custom element name of ours in the page's registry.
      custom: [...document.querySelectorAll('*')].filter((e) => e.localName.includes('suyuan')).length,
      defined: typeof customElements.get('suyuan-ui'),
    }));
    expect(dom).toEqual({ styles: pageStyles, adopted: 0, custom: 0, defined: 'undefined' });
    await ff.showSidebar();
    await waitFor('the sidebar page', () => ff.sidebarOpen());
    const badge = await waitFor('a percentage badge', () =>
      ff.inSidebar(async () => {
        const b = (globalThis as unknown as { browser: any }).browser; // eslint-disable-line @typescript-eslint/no-explicit-any
        const [tab] = await b.tabs.query({ active: true, currentWindow: true });
        const text: string = await b.browserAction.getBadgeText({ tabId: tab.id });
        return /^\d+%$/.test(text) ? text : null;
      }),
    );
    expect(Number.parseInt(badge, 10)).toBeGreaterThan(30);
    await page.evaluate(() => window.scrollTo(0, 0));
    save('firefox-page-speech.png', await page.screenshot());
  });

  it('the real sidebar compares the page with the speech it copies, in one language', async () => {
    const view = await waitFor('candidates and passages in the sidebar', () =>
      ff.inSidebar(async () => {
        const compare = document.querySelector('#sy-panel-compare');
        const candidates = compare?.querySelectorAll('.candidate').length ?? 0;
        const passages = compare?.querySelectorAll('.passage').length ?? 0;
        return candidates > 0 && passages > 0
          ? { candidates, passages, text: (compare as HTMLElement).innerText, lang: document.documentElement.lang }
          : null;
      }),
    );
    expect(view.text).toContain(seed.title);
    expect(view.text).toMatch(/复用|相似/); // the Chinese interface (navigator.language zh-CN)
    await new Promise((r) => setTimeout(r, 400));
    save('firefox-sidebar-compare.png', await ff.shot('sidebar'));
    save('firefox-window.png', await ff.shot('window'));
  });

  it('"show on page" in the sidebar flashes the passage on the page', async () => {
    await ff.inSidebar(async () => {
      (document.querySelector('#sy-panel-compare .passage button.link') as HTMLElement | null)?.click();
      return true;
    });
    await waitFor('the flash highlight', () =>
      page.evaluate(
        () => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('suyuan-flash')?.size ?? 0,
      ),
    );
  });

  it('the hover card names the source; after its click the sidebar opens at that passage', async () => {
    await ff.hideSidebar();
    await waitFor('the sidebar closed', async () => !(await ff.chrome<boolean>('SidebarController.isOpen')));
    const at = await page.evaluate((name) => {
      const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])];
      const range = ranges[Math.min(3, ranges.length - 1)]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
    }, REUSE);
    await page.mouse.move(at.x, at.y);
    await page.mouse.move(at.x + 2, at.y);
    // The card sits below-right of the pointer, in our closed shadow root: the page sees only the host.
    const probe = { x: at.x + 2 + 12 + 20, y: at.y + 16 + 10 };
    await waitFor('the hover card', () =>
      page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.hasAttribute('data-suyuan-ui') ?? false, probe),
    );
    save('firefox-hover-card.png', await page.screenshot());
    // The card's guidance in Firefox: the menu item and the shortcut, in the interface language.
    const words = await waitFor('the card text', async () => {
      const open = JSON.parse(await ff.chrome<string>(CARD_OPEN_TEXT)) as string[];
      return open.length ? open : null;
    });
    expect(words).toEqual(['右键选「在侧栏中查看此段」或按 Alt+Shift+Y 查看对照']);
    await page.mouse.click(probe.x, probe.y);
    // Firefox never lets a click on a web page open the sidebar (sidebarAction.open needs a user
    // action in its own UI): the card says to use the toolbar button or Alt+Shift+Y, and the
    // sidebar opened that way shows the clicked passage.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyY');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const byShortcut = await waitFor('the sidebar opened by Alt+Shift+Y', () => ff.sidebarOpen(), {
      timeout: 5000,
    }).catch(() => false);
    if (!byShortcut) await ff.showSidebar(); // as the toolbar button does
    const selected = await waitFor('the passage selected in the sidebar', async () =>
      (await ff.sidebarOpen())
        ? ff.inSidebar(async () => {
            const ids = [...document.querySelectorAll('#sy-panel-compare .passage[aria-current=true]')].map(
              (p) => p.id,
            );
            return ids.length ? ids : null;
          })
        : null,
    );
    expect(selected).toHaveLength(1);
    console.log(
      `Firefox sidebar opened after the card click by ${byShortcut ? 'Alt+Shift+Y' : 'SidebarController.show'}`,
    );
    save('firefox-sidebar-from-hover-card.png', await ff.shot('sidebar'));
  });

  it('right-click on a mark › "在侧栏中查看此段" opens the real sidebar at that passage (issue 13, fault 1)', async () => {
    // Two copied stretches of the speech with a news item between: two passages.
    const body = seed.body.split('\n').filter((l) => l.trim());
    const half = Math.floor(body.length / 2);
    const article = [
      paragraphs(excerpt(body.slice(0, half).join('\n'), 1200)),
      paragraphs(negativeNews().body),
      paragraphs(excerpt(body.slice(half).join('\n'), 1200)),
    ].join('');
    const two = await ff.browser.newPage();
    await two.goto(server.serve('/fanwen/ff-two-passages.html', sitePage({ title: seed.title, article })));
    await waitFor('reuse highlights on the second page', async () => (await reuseRanges(two)) > 0);
    await ff.showSidebar();
    // The page side of each passage in the sidebar (the words the page has: no deletions).
    const passages = await waitFor('two passages in the sidebar', () =>
      ff.inSidebar(async () => {
        const all = [...document.querySelectorAll('#sy-panel-compare .passage')].map((p) => {
          const text = p.querySelector('.passage-text')!.cloneNode(true) as HTMLElement;
          for (const d of text.querySelectorAll('del, [aria-hidden=true]')) d.remove();
          return { id: p.id, text: (text.textContent ?? '').replace(/\s/g, '') };
        });
        return all.length > 1 ? all : null;
      }),
    );
    await ff.hideSidebar();
    await waitFor('the sidebar closed', async () => !(await ff.chrome<boolean>('SidebarController.isOpen')));
    // The pointer rests on a mark of the LAST passage (not the first, which a default would pick).
    const last = passages[passages.length - 1]!;
    const markPoint = () =>
      two.evaluate(
        (name, all, target) => {
          const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])];
          for (const range of ranges.reverse()) {
            const words = range.toString().replace(/\s/g, '').slice(0, 8);
            if (
              words.length < 8 ||
              !target.text.includes(words) ||
              all.some((p) => p.id !== target.id && p.text.includes(words))
            )
              continue;
            range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
            const r = range.getClientRects()[0]!;
            return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2, words };
          }
          return null;
        },
        REUSE,
        passages,
        last,
      );
    // The page widens a moment after the sidebar reports closed, and its lines rewrap: a point
    // measured before that lands off the mark (seen on a quiet machine, 2 runs in 5). Measure
    // until two readings 300 ms apart agree.
    const at = await waitFor('a mark that stays put', async () => {
      const a = await markPoint();
      await new Promise((r) => setTimeout(r, 300));
      const b = await markPoint();
      return a && b && a.x === b.x && a.y === b.y ? b : null;
    });
    expect(at, `a mark of ${last.id} on the page`).not.toBeNull();
    await two.mouse.move(at!.x, at!.y);
    await two.mouse.move(at!.x + 1, at!.y);
    // The content script tells the background which passage is under the pointer as it shows the
    // card (hover delay 200 ms): the card showing means the pointer rests on the mark.
    await waitFor('the hover card over the mark', async () =>
      (JSON.parse(await ff.chrome<string>(CARD_OPEN_TEXT)) as string[]).length > 0 ? true : null,
    );
    await new Promise((r) => setTimeout(r, 200));
    await two.mouse.click(at!.x + 1, at!.y, { button: 'right' });
    const labels = await waitFor('the context menu with our item', () => ff.chrome<string>(OUR_MENU_ITEMS));
    expect(JSON.parse(labels)).toEqual(['在侧栏中查看此段']);
    await ff.chrome(ACTIVATE_OUR_ITEM);
    // menus.onClicked is a user-input handler in Firefox: sidebarAction.open() works there.
    const selected = await waitFor('the sidebar opened by the menu, a passage selected', async () =>
      !(await ff.sidebarOpen())
        ? null
        : ff.inSidebar(async () => document.querySelector('#sy-panel-compare .passage[aria-current=true]')?.id ?? null),
    );
    expect(selected).toBe(last.id);
    console.log(
      `Firefox sidebar opened by the menu at ${selected} of ${passages.length} (right-clicked "${at!.words}…")`,
    );
    await new Promise((r) => setTimeout(r, 800)); // the panel scrolls the passage into view (smoothly)
    save('firefox-sidebar-from-menu.png', await ff.shot('sidebar'));
    // Off the marks the item is hidden again.
    await ff.chrome(CLOSE_MENU);
    await two.mouse.move(2, 2);
    await two.mouse.move(3, 3);
    await new Promise((r) => setTimeout(r, 600));
    await two.mouse.click(3, 3, { button: 'right' });
    const none = await waitFor('the context menu', () => ff.chrome<string>(OUR_MENU_ITEMS));
    expect(JSON.parse(none)).toEqual([]);
    await ff.chrome(CLOSE_MENU);
    // The toolbar button / Alt+Shift+Y (Firefox's own command; SidebarController.show here, as
    // headless Firefox does not take the shortcut): with the pointer off the marks no passage is
    // chosen; with it resting on the last passage's mark, the sidebar opens at that passage.
    const openedAt = async (x: number, y: number) => {
      await ff.hideSidebar();
      await waitFor('the sidebar closed', async () => !(await ff.chrome<boolean>('SidebarController.isOpen')));
      // The pointer rests at (x, y) with the sidebar closed (the page is narrower while it is open).
      await two.mouse.move(x, y);
      await two.mouse.move(x + 1, y);
      await new Promise((r) => setTimeout(r, 600));
      await ff.showSidebar();
      await waitFor('the sidebar page', () => ff.sidebarOpen());
      await waitFor('the passages in the sidebar', () =>
        ff.inSidebar(async () => document.querySelectorAll('#sy-panel-compare .passage').length),
      );
      await new Promise((r) => setTimeout(r, 500)); // the panel asks for the pending passage on start
      return ff.inSidebar(
        async () => document.querySelector('#sy-panel-compare .passage[aria-current=true]')?.id ?? null,
      );
    };
    expect(await openedAt(3, 3)).toBeNull();
    expect(await openedAt(at!.x, at!.y)).toBe(last.id);
    await two.close();
    await page.bringToFront();
  });

  it('the context menu looks a selection up in the corpus, in the interface language', async () => {
    await ff.hideSidebar();
    const box = await page.evaluate(() => {
      const p = [...document.querySelectorAll('#article p')].find((e) => (e.textContent ?? '').length > 40)!;
      p.scrollIntoView({ block: 'center' });
      const text = p.firstChild!;
      const r = document.createRange();
      r.setStart(text, 0);
      r.setEnd(text, 8);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, text: r.toString() };
    });
    await page.mouse.click(box.x, box.y, { button: 'right' });
    const labels = await waitFor('the context menu with our item', () =>
      ff.chrome<string>(`(() => { const m = document.getElementById('contentAreaContextMenu');
        return m.state === 'open' ? JSON.stringify([...m.querySelectorAll('menuitem')]
          .filter((i) => i.id.includes('suyuan') && !i.hidden).map((i) => i.label)) : ''; })()`),
    );
    // Only the lookup: "view this passage" is for a right-click without a selection.
    expect(JSON.parse(labels)).toEqual([`在语料库中查找「${box.text}」`]);
    await ff.chrome(`(() => { const m = document.getElementById('contentAreaContextMenu');
      m.activateItem([...m.querySelectorAll('menuitem')].find((i) => i.id.includes('suyuan') && !i.hidden)); return 'ok'; })()`);
    const lookup = await waitFor('the lookup in the sidebar', async () =>
      !(await ff.sidebarOpen())
        ? null
        : ff.inSidebar(async () => {
            const q = (document.querySelector('#sy-panel-lookup input') as HTMLInputElement | null)?.value;
            const n = document.querySelectorAll('#sy-panel-lookup .kwic-line').length;
            return q && n ? { q, n } : null;
          }),
    );
    expect(lookup.q).toBe(box.text);
    expect(lookup.n).toBeGreaterThan(0);
    save('firefox-sidebar-lookup.png', await ff.shot('sidebar'));
  });

  it("a speech in a same-origin iframe or an open shadow root is read and highlighted, with a card over the frame's marks (issue 13, fault 12)", async () => {
    const other = seedSpeech(2);
    const text = perturb(other.body).text;
    const intro = '<p>以下为讲话全文，请点击阅读。</p>';
    server.serve(
      '/fanwen/ff-frame-body.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>正文</title></head><body>${paragraphs(text)}</body></html>`,
    );
    const framed = server.serve(
      '/fanwen/ff-framed.html',
      sitePage({
        title: other.title,
        article: `${intro}<iframe src="/fanwen/ff-frame-body.html" style="width:100%;height:600px;border:0"></iframe>`,
      }),
    );
    const lines = JSON.stringify(text.split('\n').filter((l) => l.trim()));
    const shadowed = server.serve(
      '/fanwen/ff-shadow.html',
      sitePage({
        title: other.title,
        article: `${intro}<speech-view></speech-view>`,
        tail: `<script>const root = document.querySelector('speech-view').attachShadow({ mode: 'open' });
          for (const line of ${lines}) { const p = document.createElement('p'); p.textContent = line; root.append(p); }</script>`,
      }),
    );
    const tab = await ff.browser.newPage();
    await tab.goto(framed, { waitUntil: 'load' });
    const frame = await waitFor('the frame', async () =>
      tab.frames().find((f) => f.url().endsWith('ff-frame-body.html')),
    );
    const inFrame = await waitFor('reuse highlights inside the frame', () =>
      frame.evaluate(
        (name) => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get(name)?.size ?? 0,
        REUSE,
      ),
    );
    const colour = (where: typeof frame, shadow: boolean) =>
      where.evaluate((sh) => {
        const host = document.querySelector('speech-view');
        const el = sh ? host!.shadowRoot!.querySelector('p')! : document.querySelector('p')!;
        return getComputedStyle(el, '::highlight(suyuan-reuse)').backgroundColor;
      }, shadow);
    const frameColour = await colour(frame, false);
    // The hover card over a mark inside the frame: the frame's pointer events, the card in the top page.
    const mark = await frame.evaluate((name) => {
      const range = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])][0]!;
      const r = range.getClientRects()[0]!;
      return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
    }, REUSE);
    const box = await tab.evaluate(() => {
      const r = document.querySelector('iframe')!.getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    await tab.mouse.move(box.x + mark.x, box.y + mark.y);
    await tab.mouse.move(box.x + mark.x + 1, box.y + mark.y);
    const frameCard = await waitFor('the hover card over a mark in the frame', async () => {
      const open = JSON.parse(await ff.chrome<string>(CARD_OPEN_TEXT)) as string[];
      return open.length ? open : null;
    });
    expect(frameCard).toEqual(['右键选「在侧栏中查看此段」或按 Alt+Shift+Y 查看对照']);
    save('firefox-page-speech-in-iframe.png', await tab.screenshot());
    await tab.goto(shadowed, { waitUntil: 'load' });
    const inShadow = await waitFor('reuse highlights inside the shadow root', () =>
      tab.evaluate((name) => {
        const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])];
        return ranges.filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).length;
      }, REUSE),
    );
    const shadowColour = await colour(tab.mainFrame(), true);
    save('firefox-page-speech-in-shadow-root.png', await tab.screenshot());
    console.log(
      `Firefox: ${inFrame} reuse ranges in the iframe (::highlight background ${frameColour}), ` +
        `${inShadow} in the shadow root (${shadowColour})`,
    );
    expect(inFrame).toBeGreaterThan(0);
    expect(frameColour).toBe('rgba(250, 204, 21, 0.45)'); // highlights.css reaches the frame (all_frames)
    // Read and registered, but Firefox 153 does not carry the page's ::highlight colour into a
    // shadow tree (Chromium does): these marks are not painted there (README, Load the extension).
    expect(inShadow).toBeGreaterThan(0);
    await tab.close();
  });

  it('marks the leftovers of a county page copied from seed 002 (西宁 kept twice) with their own highlight', async () => {
    await ff.hideSidebar();
    let k = 0;
    const body = bundledSeed('002')
      .body.replaceAll('全市', '全县')
      .replaceAll('市委', '县委')
      .replaceAll('西宁', (m) => (k++ === 0 ? '临江' : m));
    const url = server.serve(
      '/linjiang/ff-speech.html',
      sitePage({ title: '在临江县组织工作会议上的讲话', article: paragraphs(body) }),
    );
    await page.goto(url, { waitUntil: 'load' });
    const texts = await waitFor('leftover marks in Firefox', () =>
      page.evaluate((name) => {
        const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(name);
        return h && h.size > 0 ? [...h].map((r) => r.toString()) : null;
      }, LEFTOVER),
    );
    expect(texts.filter((t) => t === '西宁')).toHaveLength(2);
    await page.evaluate((name) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name)!;
      [...h].find((r) => r.toString() === '西宁')!.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    }, LEFTOVER);
    save('firefox-page-leftovers.png', await page.screenshot());
  });

  it('made no request to any other host', () => {
    const foreign = server.escaped.filter((r) => !FIREFOX_HOUSEKEEPING.test(r.url));
    expect(foreign, foreign.map((r) => r.url).join('\n')).toEqual([]);
  });

  it('after a browser restart the add-on still highlights and its menu item is back', async () => {
    await ff.close();
    ff = await launchFirefox({ profile, proxyPort: server.port, sidebarId: SIDEBAR_ID });
    page = await ff.firstPage();
    await page.goto(speechUrl, { waitUntil: 'load' });
    await waitFor('highlights after the restart', async () => (await reuseRanges(page)) > 0);
    const box = await page.evaluate(() => {
      const p = [...document.querySelectorAll('#article p')].find((e) => (e.textContent ?? '').length > 40)!;
      const r = document.createRange();
      r.setStart(p.firstChild!, 0);
      r.setEnd(p.firstChild!, 6);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      const b = r.getBoundingClientRect();
      return { x: b.left + 5, y: b.top + b.height / 2, text: r.toString() };
    });
    await page.mouse.click(box.x, box.y, { button: 'right' });
    const labels = await waitFor('the context menu after the restart', () =>
      ff.chrome<string>(`(() => { const m = document.getElementById('contentAreaContextMenu');
        return m.state === 'open' ? JSON.stringify([...m.querySelectorAll('menuitem')]
          .filter((i) => i.id.includes('suyuan') && !i.hidden).map((i) => i.label)) : ''; })()`),
    );
    // Only the lookup: "view this passage" is for a right-click without a selection.
    expect(JSON.parse(labels)).toEqual([`在语料库中查找「${box.text}」`]);
    await ff.chrome(`document.getElementById('contentAreaContextMenu').hidePopup(); 'ok'`);
    const foreign = server.escaped.filter((r) => !FIREFOX_HOUSEKEEPING.test(r.url));
    expect(foreign, foreign.map((r) => r.url).join('\n')).toEqual([]);
  });
});
