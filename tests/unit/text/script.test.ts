// @vitest-environment node
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { describe, expect, it } from 'vitest';
import { detectScript, scriptCounts, SIMPLIFIED_FORMS, TRADITIONAL_FORMS } from '../../../core/text/script';
import { reports, seed, seeds, TRADITIONAL_SEED } from '../../fixtures/corpus';

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
    for (const s of seeds()) {
      expect(detectScript(s.body), s.id).toBe(
        s.id.startsWith(`seeds/${TRADITIONAL_SEED}_`) ? 'traditional' : 'simplified',
      );
      expect(detectScript(s.body), s.id).toBe(s.script);
    }
  });

  // The same check over all 451 corpus-external documents is in tests/data/text.test.ts.
  it('agrees with the script recorded in the front matter of every bundled report', () => {
    const docs = reports();
    expect(docs.length).toBeGreaterThan(60);
    const wrong = docs.filter((d) => detectScript(d.body) !== d.script).map((d) => d.id);
    expect(wrong).toEqual([]);
    expect(new Set(docs.map((d) => detectScript(d.body)))).toEqual(new Set(['simplified', 'traditional']));
  });

  it('mixed text is mixed; no evidence is simplified', () => {
    const half = seed(TRADITIONAL_SEED).body.slice(0, 1500) + seed('000').body.slice(0, 1500);
    expect(detectScript(half)).toBe('mixed');
    expect(detectScript('Hello, world')).toBe('simplified');
    expect(detectScript('')).toBe('simplified');
  });

  it('stops counting at the hit limit', () => {
    const c = scriptCounts(seed('002').body, 50);
    expect(c.simplified + c.traditional).toBe(50);
  });
});
