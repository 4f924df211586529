// @vitest-environment node
// The bundled corpus against its sources in ../shared: each national report has the same
// characters as its source, and each seed speech keeps only original lines, in order (only site
// furniture was removed).
import { expect, it } from 'vitest';
import { reports as bundledReports, seeds as bundledSeeds } from '../fixtures/corpus';
import { readSeed, readSet, seedFiles } from '../fixtures/shared';
import { describeData } from './guard';

describeData('bundled corpus against ../shared', ['seeds', 'corpus-external'], () => {
  const bundled = [...bundledReports(), ...bundledSeeds()];

  it('keeps every work report complete: same characters as the source, whitespace aside', () => {
    const sources = readSet('corpus-external').filter((t) => t.group === 'cn-gov-work-reports');
    const reports = bundled.filter((d) => d.id.startsWith('reports/'));
    expect(reports.length).toBe(sources.length);
    const bodies = new Map(reports.map((r) => [r.body.replace(/\s/g, ''), r.title]));
    for (const t of sources) expect(bodies.get(t.body.replace(/\s/g, '')), t.file).toBe(t.title);
  });

  it('keeps the seed speeches unchanged apart from removed lines', () => {
    const seeds = bundled.filter((d) => d.id.startsWith('seeds/'));
    expect(seeds.map((s) => s.id)).toEqual(seedFiles().map((n) => `seeds/${n.replace(/\.txt$/, '.md')}`));
    for (const doc of seeds) {
      const id = doc.id;
      const original = readSeed(id.slice('seeds/'.length).replace(/\.md$/, '.txt'))
        .split(/\r?\n/)
        .map((l) => l.trim());
      // Every kept line is an original line, in the original order (a subsequence).
      let at = 0;
      for (const line of doc.body.split('\n').filter((l) => l.trim())) {
        const found = original.indexOf(line.trim(), at);
        expect(found, `${id}: ${line.slice(0, 30)}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
      // The title lives in front matter, not repeated at the top of the body.
      expect(doc.body.split('\n')[0]!.trim(), id).not.toBe(doc.title);
    }
  });
});
