// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detect } from '../../../core/detect/detect';
import { features } from '../../../core/detect/features';
import { extractFromHtml } from '../../../core/extract/from-html';
import { reports, seedPages, texts } from '../../fixtures/corpus';
import { wrapInChrome } from '../../fixtures/pages/wrap-in-chrome';

// Seed pages as template sites serve them, the bundled reports, and non-speech texts written for the
// tests. The same checks at evaluation scale (../shared) are in tests/data/detect.test.ts.
const seeds = seedPages();
const negatives = texts();

describe('detect', () => {
  it.each(seeds.map((s) => [s.id, s] as const))('calls the seed %s a speech, as text and as a page', (_f, seed) => {
    const plain = detect(seed.body, seed.title);
    expect(plain.speechLike, plain.reasons.join(' ')).toBe(true);
    expect(plain.score).toBeGreaterThan(0.5);
    expect(plain.score).toBeLessThanOrEqual(1);
    const page = extractFromHtml(wrapInChrome(seed.title, seed.body, { seed: 3 }));
    expect(detect(page.text, page.title).speechLike).toBe(true);
  });

  it('reports the script of Simplified and Traditional speeches', () => {
    expect(detect(seeds[0]!.body).script).toBe('simplified');
    expect(detect(seeds[4]!.body).script).toBe('traditional');
  });

  it('works on Traditional text the same way (salutation and directives in both forms)', () => {
    const trad = seeds[4]!;
    const f = features(trad.body, trad.title);
    expect(f.titleSpeech).toBe(1);
    expect(f.directive).toBeGreaterThan(10);
    expect(features('同志們：\n今天我們召開會議。', '').salutation).toBe(1);
    expect(features('主席，我謹動議通過議案。', '').salutation).toBe(1);
  });

  it('says why: the reasons name the signals that counted', () => {
    const r = detect(seeds[2]!.body, seeds[2]!.title);
    expect(r.reasons.some((x) => x.startsWith('+salutation'))).toBe(true);
    expect(r.reasons.some((x) => x.startsWith('+titleSpeech'))).toBe(true);
  });

  it('rejects news items that report on a meeting and quote its speech', () => {
    const hard = negatives.filter((t) => t.kind === 'news-quote');
    expect(hard.length).toBeGreaterThanOrEqual(2);
    for (const t of hard) expect(detect(t.body, t.title).speechLike, t.id).toBe(false);
  });

  it('rejects news, a law, a recipe, docs, fiction, an encyclopedia entry and a forum thread', () => {
    const easy = negatives.filter((t) => t.kind !== 'news-quote');
    expect(new Set(easy.map((t) => t.kind)).size).toBe(7);
    const slips = easy.filter((t) => detect(t.body, t.title).speechLike).map((t) => t.id);
    expect(slips).toEqual([]);
  });

  it('finds at least 97 % of the bundled reports', () => {
    const all = reports();
    const missed = all.filter((t) => !detect(t.body, t.title).speechLike).map((t) => t.id);
    expect(missed.length, missed.join(', ')).toBeLessThanOrEqual(Math.floor(all.length * 0.03));
  });

  it('does not call short or empty text a speech', () => {
    expect(detect('').speechLike).toBe(false);
    expect(detect('同志们：今天开会。谢谢大家！', '讲话').speechLike).toBe(false);
  });
});
