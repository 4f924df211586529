// 提法 as whole phrases, on the bundled provincial reports: each report is asked for its formula
// phrases against the rest of the bundled corpus (itself left out, as a page not yet saved).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIST_WEIGHT } from '../../../core/boilerplate/boilerplate';
import { phraseUnits } from '../../../core/boilerplate/phrase-rules';
import { createEngine, type SnapshotEngine } from '../../../core/engine';
import type { BoilerplateSpan, CorpusDoc } from '../../../core/model/types';
import { formulaMinFamilies } from '../../../core/model/tunables';
import { bundledDocs } from '../../fixtures/corpus';

let docs: CorpusDoc[];
let engine: SnapshotEngine;
const spansOf = new Map<string, BoilerplateSpan[]>();
/** Six provincial reports, enough to see every rule at work and quick to run. */
let pages: CorpusDoc[];

beforeAll(() => {
  docs = bundledDocs();
  engine = createEngine(docs);
  pages = docs.filter((d) => d.id.startsWith('provincial/')).filter((_, k) => k % 5 === 0);
  for (const p of pages) {
    engine.remove(p.id);
    spansOf.set(p.id, engine.boilerplate(p.body));
    engine.add([p]);
  }
}, 120_000);

/** Whole terms no span edge may cut, wherever they occur in a page. */
const WHOLE = ['习近平', '一带一路', '二十届', '枫桥经验', '十四五', '十五五'];

describe('提法 on the bundled provincial reports', () => {
  it('lists some phrases per report, each the page’s own characters', () => {
    for (const p of pages) {
      const spans = spansOf.get(p.id)!;
      expect(spans.length).toBeGreaterThan(5);
      expect(spans.length).toBeLessThan(120);
      for (const s of spans) expect(p.body.slice(s.start, s.end)).toBe(s.phrase);
    }
  });

  it('never cuts a name or numbered term, never starts or ends on a particle or punctuation', () => {
    for (const p of pages)
      for (const s of spansOf.get(p.id)!) {
        for (const w of WHOLE)
          for (let at = p.body.indexOf(w); at >= 0; at = p.body.indexOf(w, at + 1)) {
            expect(s.start > at && s.start < at + w.length, `${s.phrase} starts inside ${w}`).toBe(false);
            expect(s.end > at && s.end < at + w.length, `${s.phrase} ends inside ${w}`).toBe(false);
          }
        const units = phraseUnits(p.body, s.start, s.end);
        expect(units[0]!.kind, s.phrase).toBe('word');
        expect(units[units.length - 1]!.kind === 'particle', s.phrase).toBe(false);
        expect(/^[\s\p{P}\p{S}]/u.test(s.phrase), s.phrase).toBe(false);
        expect(/[\s，。；：！？、“（]$/u.test(s.phrase), s.phrase).toBe(false);
        expect(s.phrase).not.toMatch(/[\n。；！？]/);
      }
  });

  it('counts each phrase as lookup does (documents holding it exactly), held by the formula number', () => {
    const min = formulaMinFamilies(docs.length - 1);
    for (const p of pages) {
      engine.remove(p.id);
      for (const s of spansOf.get(p.id)!.slice(0, 12)) {
        const l = engine.lookup(s.phrase, { limit: 10_000 });
        expect(s.docFreq, s.phrase).toBe(l.docs);
        expect(s.docFreq).toBeGreaterThanOrEqual(min);
        // Listed only when wide or long enough: documents bound families from above.
        expect(s.docFreq * s.phrase.length).toBeGreaterThanOrEqual(LIST_WEIGHT * min);
        if (s.firstSeen) expect(l.hits.some((h) => h.docId === s.firstSeen!.docId)).toBe(true);
      }
      engine.add([p]);
    }
  });

  it('grows each phrase to the whole formula wording: one more word is held by fewer documents', () => {
    const min = formulaMinFamilies(docs.length - 1);
    const p = pages[0]!;
    let grown = 0;
    engine.remove(p.id);
    for (const s of spansOf.get(p.id)!.slice(0, 15)) {
      const next = phraseUnits(p.body, s.end, Math.min(p.body.length, s.end + 12))[0];
      if (!next || next.kind !== 'word') continue;
      const longer = p.body.slice(s.start, next.end);
      // Fewer documents than the formula number (families ≤ documents; the bundled corpus has no
      // near-duplicate provincial reports).
      expect(engine.lookup(longer).docs, longer).toBeLessThan(min);
      grown++;
    }
    engine.add([p]);
    expect(grown).toBeGreaterThan(3);
  });
});

describe('phrase units', () => {
  it('keep 习近平, 一带一路 and 二十届 whole in any surrounding text', () => {
    const pieces = fc.constantFrom('习近平', '一带一路', '二十届', '新时代', '共建', '的', '，', '贯彻落实', '全会');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const cuts = new Set(phraseUnits(text, 0, text.length).map((u) => u.start));
        for (const w of ['习近平', '一带一路', '二十届'])
          for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
            for (let k = at + 1; k < at + w.length; k++) expect(cuts.has(k)).toBe(false);
      }),
    );
  });
});
