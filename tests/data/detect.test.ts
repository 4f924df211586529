// @vitest-environment node
// The speech classifier at evaluation scale: the scraped seeds, the 451 speeches and reports of
// corpus-external, and the real non-speech texts of corpus-negative (../shared).
import { expect, it } from 'vitest';
import { detect } from '../../core/detect/detect';
import { extractFromHtml } from '../../core/extract/from-html';
import { readSet } from '../fixtures/shared';
import { wrapInChrome } from '../fixtures/pages/wrap-in-chrome';
import { describeData } from './guard';

describeData('detect on ../shared', ['seeds', 'corpus-external', 'corpus-negative'], () => {
  const seeds = readSet('seeds');
  const negatives = readSet('corpus-negative');
  const positives = readSet('corpus-external');

  it.each(seeds.map((s) => [s.file, s] as const))(
    'calls the scraped seed %s a speech, as text and as a page',
    (_f, seed) => {
      const plain = detect(seed.body, seed.title);
      expect(plain.speechLike, plain.reasons.join(' ')).toBe(true);
      expect(plain.score).toBeGreaterThan(0.5);
      const page = extractFromHtml(wrapInChrome(seed.title, seed.body, { seed: 3 }));
      expect(detect(page.text, page.title).speechLike).toBe(true);
    },
  );

  it('rejects every news item that reports or quotes a speech', () => {
    const hard = negatives.filter((t) => t.group === 'news' && t.meta.speech_quote !== 'none');
    expect(hard.length).toBeGreaterThanOrEqual(12);
    for (const t of hard) expect(detect(t.body, t.title).speechLike, t.file).toBe(false);
  });

  it('rejects laws, recipes, docs, fiction, encyclopedia and forum posts (at most 1 % slip)', () => {
    const easy = negatives.filter((t) => t.group !== 'news');
    const slips = easy.filter((t) => detect(t.body, t.title).speechLike).map((t) => t.file);
    expect(slips.length, slips.join(', ')).toBeLessThanOrEqual(Math.ceil(easy.length * 0.01));
  });

  it('finds at least 97 % of corpus-external speeches and reports, in every source', () => {
    const bySource = new Map<string, [hit: number, all: number]>();
    for (const t of positives) {
      const c = bySource.get(t.group) ?? [0, 0];
      if (detect(t.body, t.title).speechLike) c[0]++;
      c[1]++;
      bySource.set(t.group, c);
    }
    let hit = 0;
    let all = 0;
    for (const [source, [h, a]] of bySource) {
      expect(h / a, source).toBeGreaterThan(0.85);
      hit += h;
      all += a;
    }
    expect(hit / all).toBeGreaterThanOrEqual(0.97);
  });

  it('calls every scraped seed Chinese from its first 500 characters', async () => {
    const { looksChinese } = await import('../../core/detect/early-exit');
    for (const s of seeds) expect(looksChinese(s.body.slice(0, 500)), s.file).toBe(true);
  });
});
