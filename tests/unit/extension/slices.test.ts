// The content script never holds the page for long (issue 12): after the sliced DOM walk, detection
// and the highlight ranges are built in slices too. Not a timed test: the clock is faked so that
// every read of it is one millisecond of work, and scheduler.yield is a spy, so the number of
// yields and the work between two of them are counted exactly. A step that stopped yielding (or
// stopped looking at the clock) makes these fail.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectSpeech, detectSpeechSliced } from '../../../core/detect/speech';
import { slicer } from '../../../core/extract/slices';
import { PageRunner } from '../../../extension/content/page-runner';
import { HIGHLIGHT } from '../../../extension/content/highlighter';
import type { PageText } from '../../../core/model/page';
import { bundledDocs } from '../../fixtures/corpus';
import { installHighlightApi, removeHighlightApi, report, testBackground } from './helpers';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Yields recorded by the stubbed scheduler, and a clock that moves 1 ms per read. */
function fakeScheduling(): { yields: () => number } {
  let clock = 0;
  let yields = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ++clock);
  vi.stubGlobal('scheduler', {
    yield: () => {
      yields++;
      return Promise.resolve();
    },
  });
  return { yields: () => yields };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  removeHighlightApi();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('detection in slices', () => {
  it('gives the same verdict as detectSpeech on every bundled document and on a 200,000-character text', async () => {
    const docs = bundledDocs();
    const long = docs
      .filter((d) => d.id.startsWith('reports/'))
      .map((d) => d.body)
      .join('\n')
      .slice(0, 200_000);
    for (const [text, title] of [...docs.map((d) => [d.body, d.title] as const), [long, '']] as const) {
      expect(await detectSpeechSliced(text, title, slicer(1e9)), title).toEqual(detectSpeech(text, title));
    }
  });

  it('yields about once per 8 pieces of 2,000 characters on a 200,000-character text', async () => {
    const text = bundledDocs()
      .filter((d) => d.id.startsWith('reports/'))
      .map((d) => d.body)
      .join('\n')
      .slice(0, 200_000);
    const { yields } = fakeScheduling();
    await detectSpeechSliced(text, '', slicer(8));
    // ~100 pieces, one clock read each, 8 ms slices: at least 10 yields (none if it stopped yielding).
    expect(yields()).toBeGreaterThanOrEqual(10);
  });
});

describe('the page runner after the walk', () => {
  it('builds highlight ranges in slices of at most 8 ranges, and registers each kind once', async () => {
    // A 20,000-character copy of a report, one <p> per paragraph: one range per paragraph.
    const body = report('gwr-2002').body.slice(0, 20_000);
    const paras = body.split('\n').filter((p) => p.trim());
    document.title = '政府工作报告';
    document.body.innerHTML = `<article><h1>政府工作报告</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</article>`;
    const registry = installHighlightApi();
    const sets = vi.spyOn(registry, 'set');
    const bg = testBackground();
    fakeScheduling(); // the clock; the yield spy is replaced just below
    /** Ranges created since the last yield, at each yield. */
    const perSlice: number[] = [];
    let ranges = 0;
    vi.stubGlobal('scheduler', {
      yield: () => {
        perSlice.push(ranges);
        ranges = 0;
        return Promise.resolve();
      },
    });
    const createRange = document.createRange.bind(document);
    vi.spyOn(document, 'createRange').mockImplementation(() => {
      ranges++;
      return createRange();
    });
    let atAnswer = 0;
    const runner = new PageRunner({
      doc: document,
      win: window,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      service: {
        getSettings: bg.service.getSettings,
        analyzePage: async (page: PageText) => {
          const a = await bg.service.analyzePage(page, 1);
          atAnswer = perSlice.length;
          ranges = 0;
          return a;
        },
        showPassage: vi.fn(async () => undefined),
      },
    });
    await runner.run();
    const reuse = registry.get(HIGHLIGHT.reuse);
    expect(reuse?.size, 'the copy is highlighted').toBeGreaterThan(50);
    // Every range came in a slice of at most 8 (one clock read per range, 8 ms slices)…
    expect(Math.max(...perSlice, ranges)).toBeLessThanOrEqual(8);
    // …so drawing ~100 ranges took many slices after the answer; detection took some before it
    // (under this clock the walk yields once, at its end, and shares its slicer with detection, so
    // an unsliced detection would make 1).
    expect(perSlice.length - atAnswer).toBeGreaterThanOrEqual(Math.floor(reuse!.size / 8));
    expect(atAnswer).toBeGreaterThan(1);
    // One registration per kind: each change to the registry repaints the whole page.
    expect(sets.mock.calls.map(([name]) => name).filter((n) => n === HIGHLIGHT.reuse)).toHaveLength(1);
    runner.stop();
  });
});
