// @vitest-environment node
// Near-duplicate documents (reposts of one speech) count as one source: a page copied from a
// speech held three or five times in the corpus is still reuse, not formula.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, restoreEngine } from '../../../core/engine';
import type { EngineSnapshot } from '../../../core/model/engine-api';
import type { CorpusDoc } from '../../../core/model/types';
import { reports, seed as bundledSeed } from '../../fixtures/corpus';
import { lightEdit } from '../../fixtures/reuse-cases';
import { rng } from '../../fixtures/rng';

let corpus: CorpusDoc[];
let seed: CorpusDoc;
let report: CorpusDoc;
const copies = (d: CorpusDoc, n: number): CorpusDoc[] =>
  Array.from({ length: n }, (_, i) => ({ ...d, id: `${d.id}#copy${i}`, origin: 'user' as const }));

beforeAll(() => {
  corpus = reports();
  seed = { ...bundledSeed('000'), id: 'seeds/000' };
  report = corpus[5]!;
});

describe('families of near-duplicates', () => {
  it.each([1, 2, 3, 5, 9])('finds a page copied from a speech held %i times in the corpus', (n) => {
    const engine = createEngine([...corpus, seed, ...copies(seed, n - 1)]);
    const page = lightEdit(rng(3), seed.body);
    const r = engine.match(page);
    expect(r.reuseRatio).toBeGreaterThan(0.9);
    expect(r.candidates[0]!.id.startsWith('seeds/000')).toBe(true);
    // Reposts are not formula: almost nothing of the page is boilerplate.
    const formula = engine.boilerplate(page).reduce((a, s) => a + s.end - s.start, 0);
    expect(formula / page.length).toBeLessThan(0.1);
  });

  it('still aligns other sources when one speech fills the top of the vote with copies', () => {
    const engine = createEngine([...corpus, seed, ...copies(seed, 9)]);
    const body = report.body;
    const mid = Math.floor(body.length / 2);
    const passage = body.slice(mid, mid + 700);
    const page = seed.body.slice(0, 2500) + '\n' + passage;
    const r = engine.match(page);
    const fromReport = r.passages.filter((p) => p.docId === report.id).reduce((a, p) => a + p.end - p.start, 0);
    expect(fromReport).toBeGreaterThan(500);
    expect(r.passages.some((p) => p.docId.startsWith('seeds/000'))).toBe(true);
  });

  it('keeps formula apart: a paragraph in twelve unrelated documents is boilerplate, in twelve copies of one it is not', () => {
    const para = seed.body.split('\n').filter((p) => p.length > 80)[2]!;
    // Twelve: a listed 提法 needs families × length ≥ LIST_WEIGHT × the formula number.
    const unrelated = corpus.slice(10, 22).map((d) => ({ ...d, id: `${d.id}#with-para`, body: d.body + '\n' + para }));
    const spanOf = (docs: CorpusDoc[]): number =>
      createEngine(docs)
        .boilerplate('开头一句话。\n' + para + '\n结尾一句话。')
        .reduce((a, s) => a + s.end - s.start, 0);
    expect(spanOf([...corpus.slice(0, 10), ...unrelated])).toBeGreaterThan(para.length * 0.4);
    expect(spanOf([...corpus.slice(0, 10), seed, ...copies(seed, 11)])).toBeLessThan(para.length * 0.2);
  });

  // The real reposts among the Xi speeches of ../shared: tests/data/engine.test.ts.
  it('links a news-agency repost of a report to the report, and no two bundled reports', () => {
    const original = corpus.find((d) => d.id === 'reports/gwr-2024.md')!;
    const repost: CorpusDoc = {
      ...original,
      id: 'user/repost',
      origin: 'user',
      body: `新华社北京3月12日电\n${original.body}\n（责任编辑：王某）`,
    };
    const engine = createEngine([...corpus, repost]);
    const snap = engine.snapshot() as unknown as { families: { labels: number[] }; slots: string[] };
    const groups = new Map<number, string[]>();
    snap.families.labels.forEach((f, s) => groups.set(f, [...(groups.get(f) ?? []), snap.slots[s]!]));
    const linked = [...groups.values()].filter((g) => g.length > 1).map((g) => [...g].sort().join(' '));
    expect(linked).toEqual(['reports/gwr-2024.md user/repost']);
  });

  it('keeps families through a snapshot, and ignores broken family labels', () => {
    const docs = [...corpus, seed, ...copies(seed, 4)];
    type Snap = EngineSnapshot & { families: { labels: number[]; sketchSizes: number[] } };
    const snap = JSON.parse(JSON.stringify(createEngine(docs).snapshot())) as Snap;
    const page = lightEdit(rng(4), seed.body);
    expect(restoreEngine(docs, snap).match(page).reuseRatio).toBeGreaterThan(0.9);
    // A label cycle must not hang the engine: the labels are dropped (document counts again).
    const labels = snap.families.labels.map((_, s, a) => (s + 1) % a.length);
    const r = restoreEngine(docs, { ...snap, families: { ...snap.families, labels } }).match(page);
    expect(r.reuseRatio).toBeLessThan(0.5);
  });

  it('links copies a user adds after the bundled corpus was restored from its snapshot', () => {
    const bundled = [...corpus, seed];
    const engine = restoreEngine(
      bundled,
      JSON.parse(JSON.stringify(createEngine(bundled).snapshot())) as EngineSnapshot,
    );
    engine.add(copies(seed, 4));
    const page = lightEdit(rng(5), seed.body);
    expect(engine.match(page).reuseRatio).toBeGreaterThan(0.9);
  });
});
