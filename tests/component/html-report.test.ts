import { beforeAll, describe, expect, it } from 'vitest';
import { renderComparisonReport } from '../../core/report/html-report';
import type { CorpusDoc } from '../../core/model/types';
import type { PageAnalysis } from '../../core/model/page';
import { analyse, buildPage, createFakeService, seedDocs, SWAPS } from './fixtures';

let analysis: PageAnalysis;
let bodies: Record<string, CorpusDoc>;

beforeAll(() => {
  const docs = seedDocs();
  const { engine } = createFakeService({ docs });
  analysis = analyse(engine, buildPage(docs));
  bodies = Object.fromEntries(docs.map((d) => [d.id, d]));
});

describe('HTML comparison report', () => {
  it('shows reuse, sources and passages with their substitutions', () => {
    const html = renderComparisonReport(analysis, bodies, 'zh-CN');
    expect(html).toContain(`${Math.round(analysis.match.reuseRatio * 100)}%`);
    for (const c of analysis.match.candidates) expect(html).toContain(c.title);
    for (const [from, to] of SWAPS)
      expect(html).toContain(`<span class="sub"><del>${from}</del>→<ins>${to}</ins></span>`);
    expect(html.match(/<sup>/g)).toHaveLength(analysis.match.passages.length);
  });

  it('gives the share of the page for sources with passages and no percentage for the others', () => {
    const html = renderComparisonReport(analysis, bodies, 'zh-CN');
    const rows = [...html.matchAll(/<tr><td>\d+<\/td>(.*?)<\/tr>/g)].map((m) => [
      ...m[1]!.matchAll(/<td>(.*?)<\/td>/g),
    ]);
    expect(rows).toHaveLength(analysis.match.candidates.length);
    expect(html).toContain('<th>占本页</th>');
    const ink = (a: number, b: number): number => analysis.page.text.slice(a, b).replace(/\s/g, '').length;
    const total = ink(0, analysis.page.text.length);
    for (const [k, c] of analysis.match.candidates.entries()) {
      const own = analysis.match.passages.filter((p) => p.docId === c.id);
      const share = own.reduce((a, p) => a + ink(p.start, p.end), 0) / total;
      // cells after the title: date, place, share, passages, characters
      expect(rows[k]![3]![1], c.title).toBe(own.length ? `${Math.round(share * 100)}%` : '');
    }
    expect(analysis.match.candidates.some((c) => !analysis.match.passages.some((p) => p.docId === c.id))).toBe(true);
  });

  it('escapes script tags and quotes in page and corpus text', () => {
    const evil = '<script>alert("x")</script>';
    const [first] = analysis.match.passages;
    const docId = first!.docId;
    const doc = bodies[docId]!;
    const poisoned: PageAnalysis = {
      ...analysis,
      page: {
        ...analysis.page,
        title: evil,
        url: `https://x.cn/?q="><img src=x onerror=alert(1)>`,
        text: analysis.page.text + evil,
      },
      match: {
        ...analysis.match,
        passages: analysis.match.passages.map((p, i) =>
          i === 0 ? { ...p, diff: [...(p.diff ?? []), [-1, evil]] } : p,
        ),
      },
      boilerplate: [{ start: 0, end: 3, phrase: evil, docFreq: 9 }],
    };
    const html = renderComparisonReport(poisoned, { ...bodies, [docId]: { ...doc, title: evil } }, 'en');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is self-contained: no external resources or scripts', () => {
    for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
      const html = renderComparisonReport(analysis, bodies, lang);
      expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
      expect(html).not.toMatch(/url\(|@import|src=/i);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(`lang="${lang}"`);
    }
  });
});
