// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detect } from '../../../core/detect/detect';
import { features } from '../../../core/detect/features';
import { extractFromHtml } from '../../../core/extract/from-html';
import { readSet } from '../../fixtures/pages/shared-texts';
import { wrapInChrome } from '../../fixtures/pages/wrap-in-chrome';

const seeds = readSet('seeds');
const negatives = readSet('corpus-negative');
const positives = readSet('corpus-external');

describe('detect', () => {
  it.each(seeds.map((s) => [s.file, s] as const))('calls the seed %s a speech, as text and as a page', (_f, seed) => {
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

  it('does not call short or empty text a speech', () => {
    expect(detect('').speechLike).toBe(false);
    expect(detect('同志们：今天开会。谢谢大家！', '讲话').speechLike).toBe(false);
  });
});
