// The HTML report's evidence: the leftovers section comes first (grouped as in the panel), the
// timeline lists the page among its passages' holders, the page-older warning appears only when the
// page is dated before its closest source, and corpus text is text (a <script> title is escaped).
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../core/model/page';
import { renderComparisonReport } from '../../core/report/html-report';
import { countyAnalysis, SEED_002 } from './evidence-fixtures';

let newer: PageAnalysis;
let older: PageAnalysis;

beforeAll(async () => {
  newer = await countyAnalysis('2024-06-18');
  older = await countyAnalysis('2021-05-10');
}, 60_000);

const section = (html: string, heading: string) => {
  const at = html.indexOf(`<h2>${heading}</h2>`);
  expect(at, heading).toBeGreaterThan(0);
  const next = html.indexOf('<h2>', at + 4);
  return html.slice(at, next < 0 ? undefined : next);
};

describe('report evidence', () => {
  it('puts the leftovers first: 西宁 with its two places, then one row per kind of slot', () => {
    const html = renderComparisonReport(newer, {}, 'zh-CN');
    expect(html.indexOf('<h2>遗留痕迹</h2>')).toBeLessThan(html.indexOf('<h2>概要</h2>'));
    const s = section(html, '遗留痕迹');
    expect(s).toContain('本页日期 2024-06-18 · 地点 平乐县');
    const rows = [...s.matchAll(/<tr class="leftover"><td>(.*?)<\/td><td>(.*?)<\/td><td>(\d+)<\/td>/g)].map((m) => [
      m[1],
      m[2],
      Number(m[3]),
    ]);
    expect(rows[0]).toEqual(['西宁', '地名', 2]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['姓名空位', '日期空位', '占位符']);
    const slots = (newer.match.leftovers ?? []).filter((l) => l.kind === 'placeholder').length;
    expect(rows.slice(1).reduce((n, r) => n + (r[2] as number), 0)).toBe(slots);
    expect(s).toContain('来源写作 西宁；本页其他处写作 平乐县 · 全市组织部长会议讲话');
  });

  it('has the timeline: holders by date, the page marked, undated apart; no warning for a later page', () => {
    const html = renderComparisonReport(newer, {}, 'zh-CN');
    const s = section(html, '时间线');
    const dated = s.slice(0, s.indexOf('<h3>'));
    const order = ['全市组织部长会议讲话', '海东市组织工作会议讲话', '本页: 在平乐县组织部长会议上的讲话'].map((t) =>
      dated.indexOf(t),
    );
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    expect(dated).toContain('<tr class="page"><td>2024-06-18</td>');
    expect(s.slice(s.indexOf('<h3>无日期</h3>'))).toContain('网友转载：组织部长讲话');
    expect(html).not.toContain('本页早于该来源');
  });

  it('warns when the page is older than its closest source, in each language', () => {
    expect(renderComparisonReport(older, {}, 'zh-CN')).toContain('本页早于该来源：可能是原稿');
    expect(renderComparisonReport(older, {}, 'zh-TW')).toContain('本頁早於該來源：可能是原稿');
    const en = renderComparisonReport(older, {}, 'en');
    expect(en).toContain('This page is older than that source: it may be the original');
    expect(en).toContain('<h2>Leftovers</h2>');
    expect(en).toContain('<h2>Timeline</h2>');
  });

  it('renders titles and leftover texts as text: a <script> title is escaped everywhere', () => {
    const evil = '<script>alert(1)</script>';
    const poisoned: PageAnalysis = {
      ...older,
      page: { ...older.page, title: evil },
      docs: {
        ...older.docs,
        [SEED_002]: { ...older.docs[SEED_002]!, title: evil, place: evil },
        'user/repost.md': { ...older.docs['user/repost.md']!, title: evil },
      },
      match: {
        ...older.match,
        leftovers: (older.match.leftovers ?? []).map((l) =>
          l.kind === 'place' ? { ...l, text: evil, pageUses: evil } : l,
        ),
      },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderComparisonReport(poisoned, {}, lang);
      expect(html).not.toMatch(/<script/i);
      expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThanOrEqual(6);
    }
  });
});
