// The content script's page work on a happy-dom document: text → ranges, highlights from a real
// analysis (the real background service on a small real corpus), reveal, navigation, guards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractFromDocument } from '../../../core/extract/from-dom';
import { PageRunner, type RunnerEnv } from '../../../extension/content/page-runner';
import { HIGHLIGHT } from '../../../extension/content/highlighter';
import { spansToRanges, splitAtBreaks } from '../../../extension/content/ranges';
import { HOST_SELECTOR } from '../../../extension/content/ui-root';
import type { PageText } from '../../../core/model/page';
import { installHighlightApi, negativeBody, removeHighlightApi, report, testBackground } from './helpers';

const compact = (s: string) => s.replace(/\s+/g, '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A news-site page: navigation junk, then an article copying 1,500 characters of the 2002
 *  report (split into paragraphs, some words in <strong>), then a related-links list. */
function speechPage(): { html: string; copied: string } {
  const copied = report('gwr-2002').body.slice(3000, 4500);
  const paras = copied.split('\n').filter((p) => p.trim());
  const article = paras
    .map((p, i) =>
      i === 1
        ? `<p>${esc(p.slice(0, 10))}<strong>${esc(p.slice(10, 20))}</strong>${esc(p.slice(20))}</p>`
        : `<p>${esc(p)}</p>`,
    )
    .join('\n');
  const news = negativeBody('news', 0).slice(0, 300);
  const html = `<html><head><title>在全县工作会议上的讲话_某县政府网</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/gov">政务公开</a></div>
<div id="article"><h1>在全县工作会议上的讲话</h1><p>同志们：</p>${article}<p>${esc(news)}</p></div>
<ul class="related"><li><a href="/1">相关链接一</a></li><li><a href="/2">相关链接二</a></li></ul>
</body></html>`;
  return { html, copied };
}

function load(html: string, url = 'https://www.example.gov.cn/speech/1.html'): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = html.replace(/^<html>|<\/html>$/g, '');
}

function env(service: RunnerEnv['service']): RunnerEnv {
  return {
    doc: document,
    win: window,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    service,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  removeHighlightApi();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('spans → ranges', () => {
  it('splitAtBreaks cuts at newlines and trims blank edges', () => {
    expect(splitAtBreaks('ab\ncd\n \nef', 1, 11)).toEqual([
      [1, 2],
      [3, 5],
      [8, 10],
    ]);
    expect(splitAtBreaks('abc', 5, 9)).toEqual([]);
  });

  it('ranges cover exactly the passage text, across <strong> and paragraph breaks', async () => {
    const { html, copied } = speechPage();
    load(html);
    const dom = extractFromDocument(document);
    const firstPara = copied.split('\n').find((p) => p.trim())!;
    const start = dom.text.indexOf(firstPara.trim());
    expect(start, 'the copied text is in the extracted text').toBeGreaterThanOrEqual(0);
    // A passage from the middle of paragraph 1 to the middle of paragraph 3.
    const s = start + 5;
    const e = dom.text.indexOf('\n', dom.text.indexOf('\n', s) + 1) + 15;
    const [mapped] = await spansToRanges(dom.text, [{ start: s, end: e }], dom.rangeOf);
    expect(mapped!.ranges.length).toBe(3);
    expect(mapped!.ranges.map((r) => compact(r.toString()))).toEqual(
      splitAtBreaks(dom.text, s, e).map(([a, b]) => compact(dom.text.slice(a, b))),
    );
    // Each range stays inside one paragraph element.
    for (const r of mapped!.ranges) {
      const p = (n: Node) => (n.nodeType === 1 ? (n as Element) : n.parentElement)!.closest('p');
      expect(p(r.startContainer)).toBe(p(r.endContainer));
    }
  });
});

describe('PageRunner', () => {
  async function lit(opts: { css: boolean }) {
    const registry = opts.css ? installHighlightApi() : null;
    const { html, copied } = speechPage();
    load(html);
    const bg = testBackground();
    const analyzePage = vi.fn((page: PageText) => bg.service.analyzePage(page, 1));
    const runner = new PageRunner(
      env({ getSettings: bg.service.getSettings, analyzePage, showPassage: vi.fn(async () => undefined) }),
    );
    await runner.run();
    return { runner, registry, copied, bg, analyzePage };
  }

  it("update(): a newer answer for the same text redraws in place (issue 11: lookup's 提法 counts); another text's is ignored", async () => {
    const { runner, registry } = await lit({ css: true });
    const first = runner.current!;
    const reuse = registry!.get(HIGHLIGHT.reuse)!;
    expect(reuse.size).toBeGreaterThan(0);
    await runner.update({
      ...first,
      page: { ...first.page, text: `${first.page.text}!` },
      match: { ...first.match, passages: [] },
    });
    expect(runner.current).toBe(first);
    // A newer answer without the passage (whatever it holds, the page shows it, not the old one).
    const newer = { ...first, match: { ...first.match, passages: [] } };
    await runner.update(newer);
    expect(runner.current).toBe(newer);
    expect(registry!.get(HIGHLIGHT.reuse)?.size ?? 0).toBe(0);
  });

  it('highlights the reused passage with the CSS Highlight API, without touching the DOM', async () => {
    const { html } = speechPage();
    load(html);
    const before = document.documentElement.outerHTML;
    const { runner, registry, copied } = await lit({ css: true });
    const analysis = runner.current!;
    expect(analysis.match.passages.length).toBeGreaterThan(0);
    const reuse = registry!.get(HIGHLIGHT.reuse)!;
    expect(reuse.size).toBeGreaterThan(0);
    const painted = compact([...reuse].map((r) => r.toString()).join(''));
    // Everything painted is copied text, and most of the copied text is painted.
    for (const r of reuse) expect(compact(copied)).toContain(compact(r.toString()));
    expect(painted.length).toBeGreaterThan(compact(copied).length * 0.8);
    expect(document.documentElement.outerHTML).toBe(before);
    // The ::highlight() styles come from the manifest's content-script CSS (issue 13, fault 3):
    // neither an adopted sheet nor a <style> element is added to the page.
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    runner.stop();
    expect(registry!.size).toBe(0);
  });

  it('puts the marks back after the page clears CSS.highlights, a bounded number of times', async () => {
    const { runner, registry } = await lit({ css: true });
    const reuse = registry!.get(HIGHLIGHT.reuse)!;
    const move = () => runner.onPointerMove(new window.PointerEvent('pointermove') as unknown as PointerEvent);
    registry!.clear();
    move();
    expect(registry!.get(HIGHLIGHT.reuse)).toBe(reuse);
    // A page that clears on every event does not get an endless fight.
    for (let i = 0; i < 50; i++) {
      registry!.clear();
      move();
    }
    expect(registry!.size).toBe(0);
    runner.stop();
  });

  it('a page defining a custom element named like ours never runs its constructor (issue 13, fault 11)', async () => {
    const constructed: string[] = [];
    for (const name of ['suyuan-ui', 'suyuan-card', 'suyuan-host']) {
      window.customElements.define(
        name,
        class extends window.HTMLElement {
          constructor() {
            super();
            constructed.push(name);
          }
        },
      );
    }
    const { runner } = await lit({ css: false });
    const host = document.querySelector(HOST_SELECTOR)!;
    expect(host.localName).toBe('div');
    expect([...document.querySelectorAll('*')].filter((e) => e.localName.includes('-'))).toEqual([]);
    expect(constructed).toEqual([]);
    runner.stop();
  });

  it('falls back to overlay boxes in a shadow root when the API is missing', async () => {
    const { runner } = await lit({ css: false });
    expect(runner.current!.match.passages.length).toBeGreaterThan(0);
    // The host element is the only addition; the article is untouched.
    expect(document.querySelectorAll(HOST_SELECTOR).length).toBe(1);
    expect(document.querySelector('#article mark')).toBeNull();
    runner.stop();
    expect(document.querySelectorAll(HOST_SELECTOR).length).toBe(0);
  });

  it('reveal() scrolls to the span and flashes it', async () => {
    const { runner, registry } = await lit({ css: true });
    const p = runner.current!.match.passages[0]!;
    const scroll = vi.fn();
    (window.Element.prototype as unknown as { scrollIntoView: unknown }).scrollIntoView = scroll;
    expect(await runner.reveal(p.start, Math.min(p.end, p.start + 30))).toBe(true);
    expect(scroll).toHaveBeenCalled();
    const flash = [...registry!.get(HIGHLIGHT.flash)!];
    expect(compact(flash.map((r) => r.toString()).join(''))).toBe(
      compact(runner.current!.page.text.slice(p.start, Math.min(p.end, p.start + 30))),
    );
    expect(await runner.reveal(999_999, 1_000_000)).toBe(false);
    runner.stop();
  });

  it("a second reveal keeps its flash for the full time (the first one's timer does not clear it)", async () => {
    const { runner, registry } = await lit({ css: true });
    const [a, b] =
      runner.current!.match.passages.length > 1
        ? runner.current!.match.passages
        : [runner.current!.match.passages[0]!, runner.current!.match.passages[0]!];
    (window.Element.prototype as unknown as { scrollIntoView: unknown }).scrollIntoView = vi.fn();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await runner.reveal(a!.start, a!.start + 10);
      vi.advanceTimersByTime(1000);
      await runner.reveal(b!.end - 10, b!.end);
      vi.advanceTimersByTime(1000);
      // 2 s after the first reveal, 1 s after the second: the second's flash is still shown.
      expect(registry!.has(HIGHLIGHT.flash)).toBe(true);
      vi.advanceTimersByTime(700);
      expect(registry!.has(HIGHLIGHT.flash)).toBe(false);
    } finally {
      vi.useRealTimers();
      runner.stop();
    }
  });

  it('autoHighlight off: analyses (badge) but paints nothing', async () => {
    const registry = installHighlightApi();
    load(speechPage().html);
    const bg = testBackground();
    await bg.service.setSettings({ autoHighlight: false });
    const runner = new PageRunner(
      env({
        getSettings: bg.service.getSettings,
        analyzePage: (p) => bg.service.analyzePage(p, 2),
        showPassage: vi.fn(),
      }),
    );
    await runner.run();
    expect(runner.current).not.toBeNull();
    expect(bg.badges.get(2)).toMatch(/%$/);
    expect(registry.size).toBe(0);
  });

  it('skips disabled sites and pages without Chinese before any extraction', async () => {
    load(speechPage().html, 'https://news.example.gov.cn/a.html');
    const analyzePage = vi.fn();
    const getSettings = vi.fn(async () => ({
      ...(await testBackground().service.getSettings()),
      disabledSites: ['example.gov.cn'],
    }));
    await new PageRunner(env({ getSettings, analyzePage, showPassage: vi.fn() })).run();
    expect(getSettings).toHaveBeenCalledTimes(1);
    expect(analyzePage).not.toHaveBeenCalled();

    load('<html><head><title>Docs</title></head><body><p>An English page about configuration files.</p></body></html>');
    getSettings.mockClear();
    await new PageRunner(env({ getSettings, analyzePage, showPassage: vi.fn() })).run();
    expect(getSettings).not.toHaveBeenCalled();
  });

  it('a non-speech Chinese page is not sent for analysis', async () => {
    load(
      `<html><head><title>新闻</title></head><body><div id="a"><p>${esc(negativeBody('encyclopedia', 0))}</p></div></body></html>`,
    );
    const bg = testBackground();
    const analyzePage = vi.fn();
    const runner = new PageRunner(env({ getSettings: bg.service.getSettings, analyzePage, showPassage: vi.fn() }));
    await runner.run();
    expect(analyzePage).not.toHaveBeenCalled();
    expect((await runner.getPageText())!.detect.speechLike).toBe(false);
  });

  it('in-page navigation highlights the new content', async () => {
    const { runner, registry, analyzePage } = await lit({ css: true });
    expect(registry!.get(HIGHLIGHT.reuse)!.size).toBeGreaterThan(0);
    const next = report('gwr-1985').body.slice(2000, 3500);
    vi.useFakeTimers();
    try {
      history.pushState({}, '', '/speech/2.html');
      const paras = next.split('\n').filter((p) => p.trim());
      document.querySelector('#article')!.innerHTML = `<p>同志们：</p>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}`;
      runner.onLocationChange();
      await vi.advanceTimersByTimeAsync(400);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(runner.current?.page.url).toMatch(/\/speech\/2\.html$/), { timeout: 10_000 });
    expect(analyzePage).toHaveBeenCalledTimes(2);
    const reuse = [...registry!.get(HIGHLIGHT.reuse)!];
    expect(reuse.length).toBeGreaterThan(0);
    for (const r of reuse) {
      expect(r.startContainer.isConnected).toBe(true);
      expect(compact(next)).toContain(compact(r.toString()));
    }
    runner.stop();
  });

  it('pushState every 400 ms for 20 s: a handful of analyses, not one per push (issue 13, fault 10)', async () => {
    const { runner, analyzePage } = await lit({ css: true });
    vi.useFakeTimers();
    try {
      for (let i = 0; i < 50; i++) {
        history.pushState({}, '', `/speech/1.html?t=${i}`);
        runner.onLocationChange();
        await vi.advanceTimersByTimeAsync(400);
      }
      await vi.advanceTimersByTimeAsync(5000);
    } finally {
      vi.useRealTimers();
    }
    // One at the start, then at most one per NAV_MIN_INTERVAL_MS (4 s) over 20 s.
    expect(analyzePage.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(analyzePage.mock.calls.length).toBeLessThanOrEqual(1 + 6);
    runner.stop();
  });

  it('drops highlights at once when the page replaces the highlighted content', async () => {
    const { runner, registry } = await lit({ css: true });
    runner.observeLateContent();
    expect(registry!.get(HIGHLIGHT.reuse)!.size).toBeGreaterThan(0);
    document.querySelector('#article')!.innerHTML = `<p>${esc(negativeBody('fiction', 0))}</p>`;
    await Promise.resolve(); // MutationObserver callbacks run as microtasks
    await vi.waitFor(() => expect(registry!.has(HIGHLIGHT.reuse)).toBe(false), { timeout: 500 });
    runner.stop();
  });

  it('a frame that loads after the first pass is read then (Firefox runs us before frames load; fault 12)', async () => {
    load(`<html><head><title>在全县工作会议上的讲话_某县政府网</title></head><body>
<div id="article"><h1>在全县工作会议上的讲话</h1><p>以下为讲话全文。</p><iframe id="f"></iframe></div></body></html>`);
    const bg = testBackground();
    const analyzePage = vi.fn((page: PageText) => bg.service.analyzePage(page, 1));
    const runner = new PageRunner(
      env({ getSettings: bg.service.getSettings, analyzePage, showPassage: vi.fn(async () => undefined) }),
    );
    await runner.run();
    runner.observeLateContent();
    expect(analyzePage).not.toHaveBeenCalled(); // the frame is still empty: not a speech yet
    const frame = document.getElementById('f') as HTMLIFrameElement;
    const copied = speechPage().copied;
    for (const line of copied.split('\n').filter((l) => l.trim())) {
      const p = frame.contentDocument!.createElement('p');
      p.textContent = line;
      frame.contentDocument!.body.append(p);
    }
    frame.dispatchEvent(new Event('load')); // the frame's load, seen by a capturing listener
    await vi.waitFor(() => expect(analyzePage).toHaveBeenCalled(), { timeout: 5000 });
    const sent = analyzePage.mock.calls[0]![0];
    expect(compact(sent.text)).toContain(compact(copied.split('\n').find((l) => l.trim().length > 40)!));
    runner.stop();
  });

  it('a failing background never throws into the page', async () => {
    load(speechPage().html);
    const runner = new PageRunner(
      env({
        getSettings: async () => Promise.reject(new Error('Extension context invalidated.')),
        analyzePage: vi.fn(),
        showPassage: vi.fn(),
      }),
    );
    await expect(runner.run()).rejects.toThrow();
    // The entry point wraps run() with guard(); check that wrapper directly.
    const { guard } = await import('../../../extension/content/guard');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => guard('run', () => runner.run())()).not.toThrow();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[suyuan] run:', expect.any(Error)));
    warn.mockRestore();
  });
});
