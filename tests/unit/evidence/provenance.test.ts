// @vitest-environment node
// Who had a passage first, formula phrases' first holders, and never comparing a page with its own
// saved copy. Texts: the bundled corpus, and copies of it made here.
import { beforeAll, describe, expect, it } from 'vitest';
import { reports, seeds } from '../../fixtures/corpus';
import { createEngine, type SnapshotEngine } from '../../../core/engine';
import { pageOlderThan } from '../../../core/evidence/direction';
import type { CorpusDoc } from '../../../core/model/types';
import { lightEdit } from '../../fixtures/reuse-cases';
import { rng } from '../../fixtures/rng';

const SEED = 'seeds/002_576c2e6f06f9add2.md';
let docs: CorpusDoc[];
let engine: SnapshotEngine;
let seed: CorpusDoc;

beforeAll(() => {
  docs = [...seeds(), ...reports()];
  seed = docs.find((d) => d.id === SEED)!;
  engine = createEngine(docs);
}, 120_000);

describe('origin and other holders', () => {
  it('a chain A → copy of A → copy of that: the page copying the last names A as origin', () => {
    const base = docs.find((d) => d.id === 'seeds/004_25e97af9508870d1.md')!;
    const a: CorpusDoc = { ...base, id: 'chain/a.md', date: '2015-04-01', origin: 'user' };
    const b: CorpusDoc = { ...a, id: 'chain/b.md', date: '2018-06-01', body: lightEdit(rng(1), a.body) };
    const c: CorpusDoc = { ...a, id: 'chain/c.md', date: '2021-09-01', body: lightEdit(rng(2), b.body) };
    const others = docs.filter((d) => d.id !== base.id);
    const e = createEngine([...others, c, a, b]);
    const r = e.match(lightEdit(rng(3), c.body));
    expect(r.passages.length).toBeGreaterThan(0);
    for (const p of r.passages) {
      expect(p.origin).toEqual({ docId: 'chain/a.md', date: '2015-04-01' });
      const holders = [p.docId, ...p.alsoIn!];
      expect(holders).toEqual(expect.arrayContaining(['chain/a.md', 'chain/b.md', 'chain/c.md']));
      const others = p.alsoIn!.filter((id) => id.startsWith('chain/'));
      expect(others).toEqual(['chain/a.md', 'chain/b.md', 'chain/c.md'].filter((id) => id !== p.docId));
    }
  });

  it('a copy of a seed names the seed as its origin, and nothing else holds it', () => {
    const r = engine.match(lightEdit(rng(4), seed.body));
    for (const p of r.passages.filter((x) => x.docId === SEED)) {
      expect(p.origin).toEqual({ docId: SEED, date: seed.date });
      expect(p.alsoIn).toEqual([]);
    }
  });

  it('the page older than its source is told apart (the page may be the original)', () => {
    expect(pageOlderThan('2021-03-01', '2022')).toBe(true);
    expect(pageOlderThan('2022', '2022-09-29')).toBe(false);
    expect(pageOlderThan('2023-01', '2022-09-29')).toBe(false);
    expect(pageOlderThan(null, '2022')).toBe(false);
  });
});

describe('first holder of a formula phrase', () => {
  it('is the earliest dated document holding the phrase', () => {
    const gwr = docs.find((d) => d.id === 'reports/gwr-2024.md')!;
    const spans = engine.boilerplate(gwr.body.slice(0, 5000), { exclude: [gwr.id] });
    const seen = spans.filter((s) => s.firstSeen);
    expect(seen.length).toBeGreaterThan(5);
    for (const s of seen.slice(0, 20)) {
      const hits = engine.lookup(s.phrase, { limit: 10_000 }).hits.filter((h) => h.docId !== gwr.id);
      const dates = hits.map((h) => docs.find((d) => d.id === h.docId)!.date).filter((d): d is string => !!d);
      expect(s.firstSeen!.date).toBe(dates.sort()[0]);
    }
  });
});

describe('a page is never compared with its own saved copy', () => {
  const url = 'http://www.pingle.gov.cn/zwgk/202301/t20230105_1.html';
  let saved: SnapshotEngine;
  let pageText: string;
  beforeAll(() => {
    pageText = '在平乐县组织部长会议上的讲话\n' + seed.body.replaceAll('全市', '全县');
    const copy: CorpusDoc = { id: 'user/1', title: '平乐', body: pageText, origin: 'user', url };
    saved = createEngine([...docs, copy]);
  });

  it('without knowing the URL the saved copy wins (the reported bug)', () => {
    expect(saved.match(pageText).candidates[0]!.id).toBe('user/1');
  });

  it('the same URL (up to scheme, www and fragment): the real source stays, the copy is named', () => {
    const r = saved.match(pageText, { page: { url: url.replace('http://www.', 'https://') + '#top' } });
    expect(r.selfCopies).toEqual(['user/1']);
    expect(r.candidates[0]!.id).toBe(SEED);
    expect(r.candidates.map((c) => c.id)).not.toContain('user/1');
    expect(new Set(r.passages.map((p) => p.docId))).toEqual(new Set([SEED]));
    for (const p of r.passages) expect([...p.alsoIn!, ...(p.holders ?? [])]).not.toContain('user/1');
    const fresh = engine.match(pageText);
    expect(r.reuseRatio).toBeCloseTo(fresh.reuseRatio, 2);
  });

  it('an id named in `exclude` is left out the same way', () => {
    const r = saved.analyse(pageText, { exclude: ['user/1'] });
    expect(r.match.selfCopies).toEqual(['user/1']);
    expect(r.match.candidates[0]!.id).toBe(SEED);
  });
});
