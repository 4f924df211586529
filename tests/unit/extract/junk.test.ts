// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isJunkLine, stripJunk } from '../../../core/extract/junk';
import { readSet } from '../../fixtures/pages/shared-texts';

// Junk lines as they occur in the seeds (site furniture of real template sites).
const SEED_JUNK: [file: string, startsWith: string][] = [
  ['seeds/000_c5f98e3d9855bd8c.txt', '时间:2022-04-22 02:26:00'],
  ['seeds/001_580fba34ab55489b.txt', '公文写作门户网站'],
  ['seeds/001_580fba34ab55489b.txt', '版权所有:求精文档网'],
  ['seeds/001_580fba34ab55489b.txt', 'Powered by 求精文档网'],
  ['seeds/001_580fba34ab55489b.txt', '同志们:今天是我们春节收假上班后召开的第一个会,既是一个“收心会”'], // the 小编 summary line
  ['seeds/002_576c2e6f06f9add2.txt', '时间:2022-09-29 03:50:00'],
  ['seeds/003_f0052eeadbfa9f7c.txt', '仅供学习 禁止外传'],
  ['seeds/003_f0052eeadbfa9f7c.txt', '酷乐文行'], // the bare site-name line
  ['seeds/003_f0052eeadbfa9f7c.txt', '自建平台、实时分享'],
  ['seeds/003_f0052eeadbfa9f7c.txt', '根据实际需求和形式任务不断迭代'], // the site's slogan
  ['seeds/003_f0052eeadbfa9f7c.txt', '酷乐文行整理，咨询QQ'],
  ['seeds/003_f0052eeadbfa9f7c.txt', '会员群：'],
  ['seeds/003_f0052eeadbfa9f7c.txt', '举报倒卖会员资料的人'],
  ['seeds/004_25e97af9508870d1.txt', '時間:2022-10-08 10:01:00'],
  ['seeds/004_25e97af9508870d1.txt', '導語:機關黨建及爭優促進會講話一文來源于網友上傳'],
];

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
  const seeds = readSet('seeds');

  it.each(SEED_JUNK)('flags the seed junk line in %s starting %s', (file, start) => {
    const body = seeds.find((s) => s.file === file)!.body;
    const line = body.split('\n').find((l) => l.trim().startsWith(start));
    expect(line, 'line present in the seed').toBeDefined();
    expect(isJunkLine(line!)).toBe(true);
  });

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

  it('flags no speech line of corpus-external except the 来源/时间 lines left in some reports', () => {
    const flagged: string[] = [];
    let lines = 0;
    for (const t of readSet('corpus-external')) {
      for (const l of t.body.split('\n')) {
        if (l.trim() === '') continue;
        lines++;
        if (isJunkLine(l) && !/^(?:来源|时间)：/.test(l.trim())) flagged.push(`${t.file}: ${l.slice(0, 60)}`);
      }
    }
    expect(lines).toBeGreaterThan(10_000);
    expect(flagged).toEqual([]);
  });

  it('flags at most a handful of lines in non-speech texts', () => {
    let flagged = 0;
    for (const t of readSet('corpus-negative')) for (const l of t.body.split('\n')) if (isJunkLine(l)) flagged++;
    expect(flagged).toBeLessThanOrEqual(3);
  });
});

describe('stripJunk', () => {
  it('removes the junk of every seed and keeps its speech', () => {
    for (const seed of readSet('seeds')) {
      const out = stripJunk(seed.body);
      expect(out).not.toMatch(/ICP|版权所有|QQ|小编|網友上傳|时间:20|時間:20|仅供学习/);
      expect(out.length).toBeGreaterThan(seed.body.length * 0.8);
    }
  });

  it('collapses the blank lines left behind', () => {
    expect(stripJunk('标题\n\n时间:2022-04-22 02:26:00\n\n同志们：')).toBe('标题\n\n同志们：');
  });
});
