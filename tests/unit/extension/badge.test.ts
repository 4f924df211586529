import { describe, expect, it } from 'vitest';
import { badgeText, SPEECH_MARK } from '../../../extension/background/badge';
import type { PageAnalysis } from '../../../core/model/page';

function analysis(reuseRatio: number, passages: number, speechLike = true): PageAnalysis {
  return {
    page: {
      url: 'https://a.cn/',
      title: '',
      text: '',
      detect: { speechLike, score: 0.9, script: 'simplified', reasons: [] },
    },
    match: {
      candidates: [],
      passages: Array.from({ length: passages }, () => ({
        start: 0,
        end: 10,
        docId: 'd',
        docStart: 0,
        docEnd: 10,
        similarity: 1,
      })),
      reuseRatio,
    },
    boilerplate: [],
    docs: {},
    analysedAt: 0,
  };
}

describe('badgeText', () => {
  it.each([
    [analysis(0.37, 2), '37%'],
    [analysis(0.999, 5), '100%'],
    [analysis(1, 5), '100%'],
    [analysis(0.004, 1), '<1%'],
    [analysis(0, 0), SPEECH_MARK],
    [analysis(0, 0, false), ''],
    [null, ''],
  ])('%# → %s', (a, text) => {
    expect(badgeText(a)).toBe(text);
  });
  it('fits the four characters a badge shows', () => {
    for (let r = 0; r <= 1; r += 0.01) expect(badgeText(analysis(r, 1)).length).toBeLessThanOrEqual(4);
  });
});
