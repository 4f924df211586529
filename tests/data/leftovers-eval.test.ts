// @vitest-environment node
// The leftover evaluation's thresholds (issue 10), from the same code `npm run eval -- leftovers`
// prints: pages copied from the provincial reports and seed 002 with names swapped but one or two,
// faithful copies, original speeches, chains A → B → C and pages saved into the corpus.
import { beforeAll, expect, it } from 'vitest';
import { leftoverFigures, type LeftoverFigures } from '../../scripts/eval-leftovers';
import { describeData } from './guard';

describeData('leftovers and provenance on ../shared', ['seeds', 'corpus-external'], () => {
  let f: LeftoverFigures;
  beforeAll(() => {
    f = leftoverFigures();
  }, 600_000);

  it('finds what the copier left: recall ≥ 0.9 and precision ≥ 0.9 over enough spans', () => {
    expect(f.copyPages).toBeGreaterThanOrEqual(60);
    expect(f.truth).toBeGreaterThanOrEqual(80);
    expect(f.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.precision).toBeGreaterThanOrEqual(0.9);
    expect(f.precisionLeftOnly).toBeGreaterThanOrEqual(0.9);
  });

  it('flags at most one leftover per 20 faithful copies, and per 20 original speeches', () => {
    expect(f.faithfulPages).toBeGreaterThanOrEqual(60);
    expect(f.originalPages).toBeGreaterThanOrEqual(100);
    expect(f.faithfulFalse / f.faithfulPages).toBeLessThanOrEqual(1 / 20);
    expect(f.originalFalse / f.originalPages).toBeLessThanOrEqual(1 / 20);
  });

  it('names the first holder A of a chain A → B → C as origin in ≥ 95 % of passages', () => {
    expect(f.chains).toBeGreaterThanOrEqual(30);
    expect(f.chainPassages).toBeGreaterThanOrEqual(f.chains);
    expect(f.chainOriginA).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the real source on top when the page is saved into the corpus under its URL', () => {
    expect(f.savedPages).toBe(f.copyPages);
    expect(f.savedRealSource).toBe(f.savedPages);
  });
});
