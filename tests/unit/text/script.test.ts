// @vitest-environment node
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { describe, expect, it } from 'vitest';
import { detectScript, scriptCounts, SIMPLIFIED_FORMS, TRADITIONAL_FORMS } from '../../../core/text/script';
import { externalDocs, readSeed, seedFiles, TRADITIONAL_SEED } from './shared-data';

const ts = new Map(TSCharacters.split('|').map((e) => e.split(' ') as [string, string]));

describe('detectScript', () => {
  it('every pair is an OpenCC Traditional→Simplified pair whose Simplified form is not itself Traditional', () => {
    expect(SIMPLIFIED_FORMS.length).toBe(TRADITIONAL_FORMS.length);
    expect(new Set(SIMPLIFIED_FORMS).size).toBe(SIMPLIFIED_FORMS.length);
    expect(new Set(TRADITIONAL_FORMS).size).toBe(TRADITIONAL_FORMS.length);
    for (let i = 0; i < SIMPLIFIED_FORMS.length; i++) {
      const s = SIMPLIFIED_FORMS[i]!;
      const t = TRADITIONAL_FORMS[i]!;
      expect(ts.get(t), `${t}→${s}`).toBe(s);
      expect(ts.has(s), `${s} is also a Traditional key`).toBe(false);
    }
  });

  it('classifies the seeds', () => {
    for (const f of seedFiles()) {
      expect(detectScript(readSeed(f)), f).toBe(f === TRADITIONAL_SEED ? 'traditional' : 'simplified');
    }
  });

  it('agrees with the script recorded in the corpus-external index for all 451 documents', () => {
    const docs = externalDocs();
    expect(docs.length).toBeGreaterThan(400);
    const wrong = docs.filter((d) => detectScript(d.body) !== d.script).map((d) => `${d.source}/${d.file}`);
    expect(wrong).toEqual([]);
    expect(new Set(docs.map((d) => detectScript(d.body)))).toEqual(new Set(['simplified', 'traditional']));
  });

  it('mixed text is mixed; no evidence is simplified', () => {
    const half = readSeed(TRADITIONAL_SEED).slice(0, 1500) + readSeed('000_c5f98e3d9855bd8c.txt').slice(0, 1500);
    expect(detectScript(half)).toBe('mixed');
    expect(detectScript('Hello, world')).toBe('simplified');
    expect(detectScript('')).toBe('simplified');
  });

  it('stops counting at the hit limit', () => {
    const c = scriptCounts(readSeed('002_576c2e6f06f9add2.txt'), 50);
    expect(c.simplified + c.traditional).toBe(50);
  });
});
