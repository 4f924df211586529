// @vitest-environment node
// One language in the diff too: a Traditional copy of a Simplified speech shows no change chips
// for the script, only for real edits; the script differences stay available on request.
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import type { MatchResult } from '../../../core/model/types';
import { diffPieces } from '../../../core/report/diff-pieces';
import { bundledDocs } from '../../fixtures/corpus';

const docs = bundledDocs();
const engine = createEngine(docs);
const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
const source = docs.find((d) => d.id.startsWith('provincial/') && d.body.length > 8000)!;
const simplified = source.body.slice(2000, 5000);
const chips = (r: MatchResult, which: 'diff' | 'scriptDiff' = 'diff'): string[] =>
  r.passages.flatMap((p) =>
    diffPieces((which === 'diff' ? p.diff : (p.scriptDiff ?? p.diff)) ?? [])
      .filter((x) => x.kind !== 'equal')
      .map((x) => (x.kind === 'sub' ? `${x.from}→${x.to}` : `${x.kind}:${x.text}`)),
  );

describe('script-folded diff', () => {
  it('shows no chip for a Traditional copy without edits, and the script differences behind the toggle', () => {
    const page = toTrad(simplified);
    expect(page).not.toBe(simplified);
    const r = engine.match(page);
    expect(r.reuseRatio).toBeGreaterThan(0.9);
    expect(chips(r)).toEqual([]);
    expect(chips(r, 'scriptDiff').length).toBeGreaterThan(20);
    // The folded diff is in the page's own characters.
    for (const p of r.passages)
      expect(
        p
          .diff!.filter(([op]) => op !== -1)
          .map(([, t]) => t)
          .join(''),
      ).toBe(page.slice(p.start, p.end));
  });

  it('shows exactly five chips for five real edits', () => {
    const words = ['甲乙', '丙丁', '戊己', '庚辛', '壬癸'];
    let page = toTrad(simplified);
    const chars = [...page];
    let at = 250;
    for (const w of words) {
      while (!/\p{Script=Han}{4}/u.test(chars.slice(at - 1, at + 3).join(''))) at++;
      chars.splice(at, 2, ...w);
      at += 500;
    }
    page = chars.join('');
    const r = engine.match(page);
    const got = chips(r);
    expect(got).toHaveLength(5);
    for (const w of words) expect(got.some((c) => c.endsWith(w))).toBe(true);
  });
});
