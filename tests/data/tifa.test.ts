// @vitest-environment node
// 提法 on the 31 provincial 2026 reports (`npm run eval -- tifa` prints the same figures): whole
// phrases by an independent segmenter (jieba), no particle starts, none of the fragments issue 11
// found, and a list a person reads (median spans per report).
import { expect, it } from 'vitest';
import { tifaFigures } from '../../scripts/eval-tifa';
import { describeData } from './guard';

describeData('提法 on the provincial reports', ['corpus-external', 'seeds'], () => {
  it('are whole phrases, a readable list per report, without the old fragments', () => {
    const f = tifaFigures()!;
    expect(f.reports).toBe(31);
    expect(f.edgesInsideWord / f.edges).toBeLessThanOrEqual(0.05);
    expect(f.particleStarts).toEqual([]);
    expect(f.fragments).toEqual([]);
    expect(f.medianSpans).toBeLessThanOrEqual(60);
    expect(f.medianSpans).toBeGreaterThanOrEqual(10);
    // The formula every report shares is listed in (nearly) all of them.
    expect(f.top[0]!.reports).toBeGreaterThanOrEqual(29);
  }, 300_000);
});
