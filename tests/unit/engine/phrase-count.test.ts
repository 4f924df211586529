// @vitest-environment node
// A 提法's count that stops once enough families hold the phrase (phraseCount with `need`) gives the
// same yes/no as the whole count, and the whole count itself whenever it stays under `need`:
// growing a phrase asks only whether the formula number of families hold it. Both forms of
// lookup's text (plain string, packed) answer.
import { describe, expect, it } from 'vitest';
import { CorpusStore } from '../../../core/index/corpus-store';
import { holderCount, phraseCount, phraseHolders } from '../../../core/lookup/lookup';
import { normalize } from '../../../core/text/normalize';
import { bundledDocs } from '../../fixtures/corpus';
import { rng } from '../../fixtures/rng';

function store(packed: boolean): CorpusStore {
  const s = new CorpusStore();
  s.packText = packed;
  const docs = bundledDocs();
  for (const d of docs) s.add(d);
  s.fp.freeze();
  s.linkFamilies();
  s.corpusText().phraseIndex();
  // Added after lookup's text was built: found through `pending`, and one a near-copy (a family).
  const a = docs.find((d) => d.id.startsWith('provincial/gwr-2026-hubei'))!;
  s.add({ id: 'user/a', title: 'a', body: a.body.slice(0, 3000), origin: 'user' });
  s.add({ id: 'user/b', title: 'b', body: '坚持稳中求进工作总基调，推动高质量发展。各位代表：', origin: 'user' });
  s.linkFamilies();
  return s;
}

describe.each([
  ['plain', false],
  ['packed', true],
])('phraseCount over the %s text', (_, packed) => {
  const s = store(packed);
  const r = rng(20261202);
  const bodies = s.docs.map((d) => d!.body);
  // One- and two-character phrases are scanned for, not read from the postings.
  const phrases = [
    '坚持稳中求进工作总基调',
    '高质量发展',
    '各位代表',
    '中国特色社会主义',
    '不在语料里的一句话',
    '藏',
    '西宁',
  ];
  while (phrases.length < 80) {
    const b = r.pick(bodies);
    const at = r.int(0, b.length - 20);
    phrases.push(b.slice(at, at + r.int(3, 16)));
  }
  const excludes = [new Set<number>(), new Set([0, 7, s.byId.get('user/a')!])];

  it('names every live document holding the phrase, and only those (holders skip held documents)', () => {
    const texts = s.docs.map((d) => (d ? normalize(d.body).text : ''));
    for (const q of phrases) {
      const n = normalize(q).text;
      const want = new Set<number>();
      texts.forEach((t, slot) => {
        if (n && t.includes(n)) want.add(slot);
      });
      expect(
        [...phraseHolders(s, q)].sort((a, b) => a - b),
        q,
      ).toEqual([...want].sort((a, b) => a - b));
    }
  });

  it.each([1, 2, 5, 20])('with need %i agrees with the whole count', (need) => {
    for (const ex of excludes)
      for (const q of phrases) {
        const whole = holderCount(s, phraseHolders(s, q), ex);
        const got = phraseCount(s, q, ex, need);
        expect(got.families >= need, q).toBe(whole.families >= need);
        if (got.families < need) expect(got, q).toEqual(whole);
        else expect(got.docs, q).toBeLessThanOrEqual(whole.docs);
        expect(phraseCount(s, q, ex), q).toEqual(whole);
      }
  });
});
