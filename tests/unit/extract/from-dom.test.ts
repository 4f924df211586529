// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../core/extract/from-dom';
import { extractFromHtml } from '../../../core/extract/from-html';
import { seedPages } from '../../fixtures/corpus';
import { wrapInChrome } from '../../fixtures/pages/wrap-in-chrome';

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Loads the page into the test's own document (happy-dom keeps Ranges of a DOMParser document
 *  collapsed, so the live document is the faithful stand-in for a tab). */
function parse(html: string): Document {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1] ?? `<body>${html}</body>`;
  document.documentElement.innerHTML = inner.includes('<body') ? inner : `<body>${inner}</body>`;
  return document;
}

describe('extractFromDocument', () => {
  const seeds = seedPages();

  it.each(seeds.flatMap((s, i) => (['p', 'br', 'table'] as const).map((layout) => [s.id, layout, i] as const)))(
    '%s (%s layout) gives the same text and title as extractFromHtml',
    (_file, layout, i) => {
      const seed = seeds[i]!;
      const html = wrapInChrome(seed.title, seed.body, { seed: i + 1, layout });
      const dom = extractFromDocument(parse(html));
      const ref = extractFromHtml(html);
      expect(dom.text).toBe(ref.text);
      expect(dom.title).toBe(ref.title);
      expect(dom.text.length).toBeGreaterThan(1000);
    },
  );

  it('maps any span of the text to a Range over the same characters (across <strong>, &nbsp;, lines)', () => {
    for (const [i, seed] of seeds.entries()) {
      const doc = parse(wrapInChrome(seed.title, seed.body, { seed: i + 7 }));
      const page = extractFromDocument(doc);
      const n = page.text.length;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 400 }), (start, len) => {
          const end = Math.min(n, start + len);
          const span = page.text.slice(start, end);
          const range = page.rangeOf(start, end);
          if (squash(span) === '') return range === null;
          expect(range).not.toBeNull();
          const got = squash(range!.toString());
          const lines = span
            .split('\n')
            .map(squash)
            .filter((l) => l !== '');
          if (lines.length === 1) {
            // Within a paragraph the range covers exactly the span's characters; only whitespace
            // the extraction collapsed (indentation, &nbsp;) may differ.
            expect(got).toBe(lines[0]);
          } else {
            // Across paragraphs a Range is contiguous, so it also covers what lay between them
            // (a dropped junk line): it starts and ends on the span and holds every line in order.
            expect(got.startsWith(lines[0]!)).toBe(true);
            expect(got.endsWith(lines[lines.length - 1]!)).toBe(true);
            let at = 0;
            for (const l of lines) {
              at = got.indexOf(l, at);
              expect(at).toBeGreaterThanOrEqual(0);
              at += l.length;
            }
          }
          return true;
        }),
        { numRuns: 200, seed: 42 + i },
      );
    }
  });

  it('ranges start and end on the exact characters inside inline markup', () => {
    const doc = parse(
      '<div id="c"><p>同志们：</p><p>今天，我们<strong>召开</strong>全市&nbsp;组织部长<span>会议</span>，研究部署全年工作，要切实抓好落实。</p></div>',
    );
    const page = extractFromDocument(doc);
    expect(page.text).toBe('同志们：\n今天，我们召开全市组织部长会议，研究部署全年工作，要切实抓好落实。');
    const at = page.text.indexOf('召开全市组织部长会议');
    const range = page.rangeOf(at, at + '召开全市组织部长会议'.length)!;
    expect(range.startContainer.textContent).toBe('召开');
    expect(range.startOffset).toBe(0);
    expect(range.endContainer.textContent).toBe('会议');
    expect(range.endOffset).toBe(2);
    expect(range.toString()).toBe('召开全市\u00a0组织部长会议');
    // A span across the paragraph break starts in the first paragraph and ends in the second.
    const across = page.rangeOf(2, 8)!;
    expect(across.toString()).toBe('们：今天，');
    expect(page.rangeOf(4, 5)).toBeNull(); // just the line break
    expect(page.rangeOf(3, 3)).toBeNull();
  });

  it('skips hidden elements, scripts and chrome, and stops after maxNodes', () => {
    const doc = parse(`<body><ul class="nav-menu"><li><a href="/">首页</a></li></ul>
      <div id="main"><p>同志们：今天我们在这里召开会议，主要任务是总结工作、部署任务、统一思想。</p>
      <p style="display: none">这一段是隐藏的文字，不应该出现在结果里面。</p><p aria-hidden="true">屏幕阅读器也看不到的文字，也不应该出现。</p>
      <script>document.title = "脚本里的中文字不应出现"</script></div></body>`);
    const page = extractFromDocument(doc);
    expect(page.text).toBe('同志们：今天我们在这里召开会议，主要任务是总结工作、部署任务、统一思想。');
    expect(extractFromDocument(doc, { maxNodes: 3 }).text).toBe('');
  });
});
