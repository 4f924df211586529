// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isJunkLine } from '../../../core/extract/junk';
import { stripJunk } from '../../fixtures/strip-junk';
import { reports, seedPages, texts } from '../../fixtures/corpus';

// Widgets and chrome lines of ordinary CMS pages.
const CHROME_JUNK = [
  '【字号：大 中 小】 打印 关闭',
  '【字號：大 中 小】',
  '当前位置：首页 > 范文大全 > 讲话稿',
  '首页 > 讲话稿 > 正文',
  '上一篇：在全市经济工作会议上的讲话',
  '下一篇：',
  '相关文章',
  '相關文章：',
  '版权所有 © 2018-2024 某某网 All Rights Reserved.',
  '备案号：京ICP备12013号-3',
  '下面是小编为大家整理的2023年讲话稿，供大家参考。',
  '免费QQ群：12345678',
  '发布时间：2023-05-06 来源：本站',
  '打印 | 关闭',
];

describe('isJunkLine', () => {
  // Seed pages as template sites serve them (tests/fixtures/seed-pages.ts); the scraped seeds'
  // own junk lines are checked in tests/data/extract.test.ts.
  const pages = seedPages();

  it.each(pages.flatMap((p) => p.junk.map((line) => [p.id, line] as const)))(
    'flags the site junk of the seed page %s: %s',
    (_id, line) => {
      expect(isJunkLine(line)).toBe(true);
    },
  );

  it.each(CHROME_JUNK)('flags page chrome: %s', (line) => {
    expect(isJunkLine(line)).toBe(true);
  });

  it('keeps the speech lines of the seeds', () => {
    for (const line of [
      '同志们:',
      '同志们，开展“讲党性、重品行、作表率”活动，是组织部门自身建设的一件大事',
      '一、统一思想，提高认识',
      '主席，我謹動議',
      '根据实际需求，推动技术不断迭代', // the slogan's words inside a sentence are speech
    ]) {
      expect(isJunkLine(line), line).toBe(false);
    }
  });

  it('flags no line of the bundled seeds and reports except the 来源/时间 lines left in some reports', () => {
    const flagged: string[] = [];
    let lines = 0;
    for (const t of [...pages.map((p) => ({ id: p.id, body: p.speech })), ...reports()]) {
      for (const l of t.body.split('\n')) {
        if (l.trim() === '') continue;
        lines++;
        if (isJunkLine(l) && !/^(?:来源|时间)：/.test(l.trim())) flagged.push(`${t.id}: ${l.slice(0, 60)}`);
      }
    }
    expect(lines).toBeGreaterThan(5_000);
    expect(flagged).toEqual([]);
  });

  it('flags no line of the non-speech texts written for the tests', () => {
    const flagged = texts().flatMap((t) => t.body.split('\n').filter((l) => isJunkLine(l)));
    expect(flagged).toEqual([]);
  });
});

describe('stripJunk', () => {
  it('removes the junk of every seed page and keeps its speech', () => {
    for (const page of seedPages()) {
      const out = stripJunk(page.body);
      expect(out).not.toMatch(/ICP|版权所有|QQ|小编|網友上傳|时间:20|時間:20|仅供学习/);
      expect(out.length).toBeGreaterThan(page.body.length * 0.8);
      for (const line of page.speech.split('\n')) if (line.trim()) expect(out, page.id).toContain(line);
    }
  });

  it('collapses the blank lines left behind', () => {
    expect(stripJunk('标题\n\n时间:2022-04-22 02:26:00\n\n同志们：')).toBe('标题\n\n同志们：');
  });
});
