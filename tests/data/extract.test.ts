// @vitest-environment node
// Junk-line rules and extraction on the evaluation data (../shared) as published: the scraped
// seeds' own site furniture, every line of corpus-external, the non-speech texts of corpus-negative.
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../core/extract/from-html';
import { isJunkLine } from '../../core/extract/junk';
import { stripJunk } from '../fixtures/strip-junk';
import { wrapInChrome } from '../fixtures/pages/wrap-in-chrome';
import { readSet } from '../fixtures/shared';
import { describeData } from './guard';

// Junk lines as they occur in the scraped seeds (site furniture of real template sites).
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

const squash = (s: string) => s.replace(/\s+/g, '');

describeData('junk lines and extraction on ../shared', ['seeds', 'corpus-external', 'corpus-negative'], () => {
  const seeds = readSet('seeds');

  describe('isJunkLine', () => {
    it.each(SEED_JUNK)('flags the seed junk line in %s starting %s', (file, start) => {
      const body = seeds.find((s) => s.file === file)!.body;
      const line = body.split('\n').find((l) => l.trim().startsWith(start));
      expect(line, 'line present in the seed').toBeDefined();
      expect(isJunkLine(line!)).toBe(true);
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
    it('removes the junk of every scraped seed and keeps its speech', () => {
      for (const seed of seeds) {
        const out = stripJunk(seed.body);
        expect(out).not.toMatch(/ICP|版权所有|QQ|小编|網友上傳|时间:20|時間:20|仅供学习/);
        expect(out.length).toBeGreaterThan(seed.body.length * 0.8);
      }
    });
  });

  describe('extractFromHtml', () => {
    it.each(seeds.map((s, i) => [s.file, i] as const))(
      'the scraped seed %s comes back without junk from its page',
      (_f, i) => {
        const seed = seeds[i]!;
        for (const layout of ['p', 'br', 'table'] as const) {
          const page = extractFromHtml(wrapInChrome(seed.title, seed.body, { seed: i + 1, layout }));
          expect(squash(page.text)).toBe(squash(stripJunk(seed.body)));
          expect(page.title).toBe(seed.title);
        }
      },
    );

    it('extracts the body of corpus texts from their pages (every 7th file)', () => {
      const texts = [...readSet('corpus-external'), ...readSet('corpus-negative')].filter((_, i) => i % 7 === 0);
      expect(texts.length).toBeGreaterThan(80);
      for (const [i, t] of texts.entries()) {
        const page = extractFromHtml(wrapInChrome(t.title, t.body, { seed: i }));
        const want = squash(stripJunk(t.body));
        // The page's <h1> title may come along when it sits in the same box as the text.
        const got = squash(page.text).replace(
          new RegExp(`^${squash(t.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
          '',
        );
        // Everything extracted is body text, and nearly all of the body is there.
        expect(want.includes(got), t.file).toBe(true);
        expect(got.length / want.length, t.file).toBeGreaterThan(0.98);
      }
    });
  });
});
