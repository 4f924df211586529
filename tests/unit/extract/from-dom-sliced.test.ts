// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractFromDocument, extractFromDocumentSliced } from '../../../core/extract/from-dom';
import { slicer } from '../../../core/extract/slices';
import { seedPages } from '../../fixtures/corpus';
import { wrapInChrome } from '../../fixtures/pages/wrap-in-chrome';

function load(html: string): Document {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1] ?? `<body>${html}</body>`;
  document.documentElement.innerHTML = inner.includes('<body') ? inner : `<body>${inner}</body>`;
  return document;
}

type WithScheduler = typeof globalThis & { scheduler?: { yield?: () => Promise<void> } };

/** Counts the walk's yields (and runs `onYield` at each) through a stand-in scheduler.yield. */
function countYields(onYield: (n: number) => void = () => {}): { count: () => number } {
  let n = 0;
  (globalThis as WithScheduler).scheduler = {
    yield: () => {
      onYield(++n);
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  return { count: () => n };
}

afterEach(() => {
  delete (globalThis as WithScheduler).scheduler;
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('extractFromDocumentSliced', () => {
  const seeds = seedPages();

  it.each(seeds.flatMap((s, i) => (['p', 'br', 'table'] as const).map((layout) => [s.id, layout, i] as const)))(
    '%s (%s layout): in many slices, the same text, title and ranges as the one-go walk',
    async (_file, layout, i) => {
      const seed = seeds[i]!;
      const doc = load(wrapInChrome(seed.title, seed.body, { seed: i + 1, layout }));
      const yields = countYields();
      // sliceMs 0: every clock check ends the slice, so the walk stops and resumes many times.
      const sliced = await extractFromDocumentSliced(doc, { sliceMs: 0 });
      const whole = extractFromDocument(doc);
      expect(yields.count()).toBeGreaterThan(1);
      expect(sliced.text.length).toBeGreaterThan(1000);
      expect(sliced.text).toBe(whole.text);
      expect(sliced.title).toBe(whole.title);
      for (let at = 0; at + 30 < whole.text.length; at += 97) {
        const a = sliced.rangeOf(at, at + 30);
        const b = whole.rangeOf(at, at + 30);
        expect(a?.toString()).toBe(b?.toString());
        expect(a?.startContainer).toBe(b?.startContainer);
        expect(a?.startOffset).toBe(b?.startOffset);
      }
    },
  );

  it('falls back to a timer where scheduler.yield is missing', async () => {
    const seed = seeds[0]!;
    const doc = load(wrapInChrome(seed.title, seed.body, { seed: 1 }));
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const sliced = await extractFromDocumentSliced(doc, { sliceMs: 0 });
    expect(timers).toHaveBeenCalled();
    timers.mockRestore();
    expect(sliced.text).toBe(extractFromDocument(doc).text);
  });

  it('stops between slices when aborted, and at once when already aborted', async () => {
    const seed = seeds[1]!;
    const doc = load(wrapInChrome(seed.title, seed.body, { seed: 2 }));
    const abort = new AbortController();
    countYields((n) => {
      if (n === 2) abort.abort();
    });
    await expect(extractFromDocumentSliced(doc, { sliceMs: 0, signal: abort.signal })).rejects.toThrow();
    await expect(extractFromDocumentSliced(doc, { signal: abort.signal })).rejects.toThrow();
  });

  it("walks in the caller's slicer: its length and its abort signal apply, sliceMs and signal unused", async () => {
    const seed = seeds[1]!;
    const doc = load(wrapInChrome(seed.title, seed.body, { seed: 2 }));
    const yields = countYields();
    // A 0 ms slicer yields at every clock check, although sliceMs asks for a long slice.
    const sliced = await extractFromDocumentSliced(doc, { slice: slicer(0), sliceMs: 1e9 });
    expect(yields.count()).toBeGreaterThan(1);
    expect(sliced.text).toBe(extractFromDocument(doc).text);
    const abort = new AbortController();
    countYields((n) => {
      if (n === 2) abort.abort();
    });
    await expect(extractFromDocumentSliced(doc, { slice: slicer(0, abort.signal) })).rejects.toThrow();
  });

  it('ends, without throwing, when the page replaces its content mid-walk', async () => {
    const seed = seeds[2]!;
    const doc = load(wrapInChrome(seed.title, seed.body, { seed: 3, layout: 'p' }));
    countYields((n) => {
      if (n === 1) doc.body.innerHTML = '<p>新的内容</p>';
    });
    // The walk may finish the subtree it was in (now detached): that is the page it started on.
    const page = await extractFromDocumentSliced(doc, { sliceMs: 0 });
    for (let at = 0; at < page.text.length; at += 50) expect(() => page.rangeOf(at, at + 20)).not.toThrow();
  });

  it('rangeOf answers null, not an exception, where the page shortened the text since', () => {
    const doc = load('<div><p>同志们：今天我们在这里召开全市工作会议，主要任务是总结工作、部署任务。</p></div>');
    const page = extractFromDocument(doc);
    const at = page.text.indexOf('部署任务');
    expect(page.rangeOf(at, at + 4)?.toString()).toBe('部署任务');
    (doc.querySelector('p')!.firstChild as Text).data = '同志们';
    expect(page.rangeOf(at, at + 4)).toBeNull();
  });
});
