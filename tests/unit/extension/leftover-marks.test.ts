// Leftovers on the live page: the engine's page-text offsets mapped to DOM ranges (across inline
// elements, the way the reuse highlights are), drawn with their own highlight, and each with the
// hover card's info. The county page is seed 002 with 西宁 replaced except twice.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractFromDocument } from '../../../core/extract/from-dom';
import type { PageAnalysis, PageText } from '../../../core/model/page';
import type { Leftover, Passage } from '../../../core/model/types';
import { HIGHLIGHT } from '../../../extension/content/highlighter';
import { leftoverNote } from '../../../extension/content/hover-card';
import { leftoverTargets } from '../../../extension/content/leftover-marks';
import { PageRunner } from '../../../extension/content/page-runner';
import { pageStrings } from '../../../extension/ui-lang';
import { seed } from '../../fixtures/corpus';
import { installHighlightApi, removeHighlightApi, testBackground } from './helpers';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Seed 002 as a county's page: 全市 → 全县, and 西宁 → 平乐 except its 2nd and 3rd occurrences;
 *  the first kept 西宁 is split by an inline element (西<b>宁</b>). */
function countyHtml(): string {
  let k = 0;
  const body = seed('002')
    .body.replaceAll('全市', '全县')
    .replaceAll('西宁', (m) => (k++ === 0 ? '平乐' : m));
  let split = false;
  const paras = body
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => {
      let html = esc(p);
      if (!split && html.includes('西宁')) {
        html = html.replace('西宁', '西<b>宁</b>');
        split = true;
      }
      return `<p>${html}</p>`;
    });
  return `<head><title>在平乐县组织工作会议上的讲话</title></head><body><div id="a"><h1>在平乐县组织工作会议上的讲话</h1>${paras.join('')}</div></body>`;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  removeHighlightApi();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('leftover marks on the page', () => {
  it('the two kept 西宁 get the leftover highlight, over the reuse one, each range exactly 西宁', async () => {
    const registry = installHighlightApi();
    document.documentElement.innerHTML = countyHtml();
    const bg = testBackground();
    const source = seed('002');
    await bg.service.addDocs([{ title: source.title, body: source.body, date: '2019-05-01' }]);
    const analyzePage = vi.fn((page: PageText) => bg.service.analyzePage(page, 1));
    const runner = new PageRunner({
      doc: document,
      win: window,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      service: { getSettings: bg.service.getSettings, analyzePage, showPassage: vi.fn(async () => undefined) },
    });
    await runner.run();
    const places = runner.current!.match.leftovers!.filter((l) => l.kind === 'place');
    expect(places.map((l) => l.text)).toEqual(['西宁', '西宁']);
    const marks = [...registry.get(HIGHLIGHT.leftover)!];
    expect(marks.map((r) => r.toString())).toContain('西宁');
    const xining = marks.filter((r) => r.toString() === '西宁');
    expect(xining).toHaveLength(2);
    // The split one crosses the <b>: it starts in the paragraph's text and ends inside the <b>.
    expect(xining.some((r) => r.endContainer.parentElement?.tagName === 'B')).toBe(true);
    // Each leftover sits inside reused text.
    const reuse = [...registry.get(HIGHLIGHT.reuse)!];
    for (const m of xining) {
      expect(reuse.some((r) => r.compareBoundaryPoints(0, m) <= 0 && r.compareBoundaryPoints(2, m) >= 0)).toBe(true);
    }
    runner.stop();
    expect(registry.size).toBe(0);
  });
});

/** An analysis of `text` with one passage [pStart, pEnd) and the given leftovers. */
function analysisOf(text: string, passage: [number, number], leftovers: Leftover[]): PageAnalysis {
  const p = { docId: 'seeds/x.md', start: passage[0], end: passage[1], similarity: 0.97 } as Passage;
  return {
    page: {
      url: 'https://x.gov.cn/',
      title: '',
      text,
      detect: { speechLike: true, score: 1, script: 'simplified', reasons: [] },
    },
    match: { candidates: [], passages: [p], reuseRatio: 0.5, leftovers },
    boilerplate: [],
    docs: { 'seeds/x.md': { id: 'seeds/x.md', title: '在西宁市会议上的讲话' } as PageAnalysis['docs'][string] },
    analysedAt: 0,
  };
}

const leftover = (text: string, start: number, kind: Leftover['kind'], docId: string | null): Leftover => ({
  start,
  end: start + text.length,
  text,
  kind,
  docId,
  evidence: kind === 'placeholder' ? '未填写的模板占位符' : `来源写作 ${text}；本页其他处写作 平乐`,
  ...(kind === 'placeholder' ? {} : { pageUses: '平乐' }),
});

describe('leftoverTargets', () => {
  it('maps each leftover to its ranges, the passage holding it and its source; a slot outside passages opens none', async () => {
    document.body.innerHTML = '<p>我们平乐要学习<i>西</i>宁经验。</p><p>XX月XX日前报送。</p>';
    const dom = extractFromDocument(document);
    const text = dom.text;
    const x = text.indexOf('西宁');
    const slot = text.indexOf('XX月XX日');
    const a = analysisOf(
      text,
      [0, text.indexOf('\n')],
      [leftover('西宁', x, 'place', 'seeds/x.md'), leftover('XX月XX日', slot, 'placeholder', null)],
    );
    const targets = await leftoverTargets(text, a, dom.rangeOf);
    expect(targets.map((t) => t.ranges.map((r) => r.toString()))).toEqual([['西宁'], ['XX月XX日']]);
    expect(targets.map((t) => t.item.passageIndex)).toEqual([0, -1]);
    expect(targets[0]!.item.title).toBe('在西宁市会议上的讲话');
    expect(targets[0]!.item.leftover!.pageUses).toBe('平乐');
    expect(targets[1]!.item.title).toBe('');
  });

  it('property: every leftover range reads exactly the page text at its offsets, whatever the inline markup', async () => {
    const chars = fc.constantFrom(...'西宁平乐全县要把工作做好XX'.split(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(chars, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        async (pieces, a, b) => {
          // Pieces alternate between bare text and <b>/<span> elements inside one paragraph.
          const words = pieces.map((p) => p.join(''));
          document.body.innerHTML = `<p>${words.map((w, i) => (i % 3 === 1 ? `<b>${w}</b>` : i % 3 === 2 ? `<span>${w}</span>` : w)).join('')}</p>`;
          const dom = extractFromDocument(document);
          const len = dom.text.length;
          const start = a % len;
          const end = start + 1 + (b % (len - start));
          const l = leftover(dom.text.slice(start, end), start, 'place', 'seeds/x.md');
          const [t] = await leftoverTargets(dom.text, analysisOf(dom.text, [0, len], [l]), dom.rangeOf);
          expect(t!.ranges.map((r) => r.toString()).join('')).toBe(dom.text.slice(start, end).trim());
          expect(t!.item.passageIndex).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("a leftover's hover text", () => {
  const place = leftover('西宁', 0, 'place', 'seeds/x.md');
  it('says what the source had and what the page uses elsewhere, in each UI language', () => {
    expect(leftoverNote(pageStrings('zh-CN', false), place)).toBe('来源写作 西宁；本页其他处写作 平乐');
    expect(leftoverNote(pageStrings('zh-TW', false), place)).toBe('來源寫作 西宁；本頁其他處寫作 平乐');
    expect(leftoverNote(pageStrings('en', false), place)).toBe(
      'The source wrote 西宁; this page writes 平乐 elsewhere',
    );
  });
  it('a placeholder has its own text; without pageUses the engine sentence is kept', () => {
    const slot = leftover('XX', 0, 'placeholder', null);
    expect(leftoverNote(pageStrings('en', true), slot)).toBe('Unfilled template slot');
    expect(leftoverNote(pageStrings('zh-CN', true), slot)).toBe('未填写的模板占位符');
    const bare = { ...place, pageUses: undefined, evidence: '来源写作 2023年；本页日期 2026' };
    expect(leftoverNote(pageStrings('en', false), bare)).toBe('来源写作 2023年；本页日期 2026');
  });
});
