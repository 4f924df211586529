// @vitest-environment node
// Script detection and normalisation over the evaluation data (../shared) as published.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../core/text/normalize';
import { detectScript } from '../../core/text/script';
import { readSeed, readSet, seedFiles, TRADITIONAL_SEED_FILE } from '../fixtures/shared';
import { describeData } from './guard';

describeData('script and normalisation on ../shared', ['seeds', 'corpus-external'], () => {
  describe('detectScript', () => {
    it('classifies the scraped seeds, site junk and all', () => {
      for (const f of seedFiles()) {
        expect(detectScript(readSeed(f)), f).toBe(f === TRADITIONAL_SEED_FILE ? 'traditional' : 'simplified');
      }
    });

    it('agrees with the script recorded in the corpus-external index for all 451 documents', () => {
      const docs = readSet('corpus-external');
      expect(docs.length).toBeGreaterThan(400);
      const wrong = docs.filter((d) => detectScript(d.body) !== d.meta.script).map((d) => d.file);
      expect(wrong).toEqual([]);
      expect(new Set(docs.map((d) => detectScript(d.body)))).toEqual(new Set(['simplified', 'traditional']));
    });
  });

  describe('normalize', () => {
    it('drops whitespace from every scraped seed and keeps every other character mapped', () => {
      for (const f of seedFiles()) {
        const n = normalize(readSeed(f));
        expect(n.text).not.toMatch(/\s/);
        expect(n.text.length).toBeGreaterThan(1000);
      }
    });
  });
});
