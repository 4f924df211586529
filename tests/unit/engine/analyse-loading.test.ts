// analyseLoading over documents whose bodies stay in storage: the candidates' bodies are read in
// one call, then ONE analysis runs; a second runs only when the first met bodies it could not
// know of before aligning (a passage's other holders), read in one more call.
import { describe, expect, it, vi } from 'vitest';
import { createEngine, restoreIncremental, type SnapshotEngine } from '../../../core/engine';
import { BodyCache, collectMissing, lazyDoc } from '../../../core/index/lazy-body';
import { bodyChecksum } from '../../../core/index/checksum';
import { docMeta } from '../../../core/model/doc-meta';
import type { CorpusDoc, DocMeta } from '../../../core/model/types';
import { matchProfiled } from '../../../core/match/matcher';
import { negativeBody, seed } from '../../fixtures/corpus';

// Counts the analysis passes (each aligns the page once).
vi.mock('../../../core/match/matcher', async (original) => {
  const real = await original<typeof import('../../../core/match/matcher')>();
  return { ...real, matchProfiled: vi.fn(real.matchProfiled) };
});
const passes = vi.mocked(matchProfiled);

const KINDS = ['encyclopedia', 'fiction', 'forum', 'howto', 'law', 'techdoc'] as const;
const SHARED = seed('001').body.slice(300, 1300);

/** Six documents holding one passage, and three that hold nothing of the page. */
function corpus(): CorpusDoc[] {
  const holders = KINDS.map((kind, i) => ({
    id: `user/h${i}.md`,
    title: `转发${i}`,
    origin: 'user' as const,
    body: `${negativeBody(kind).slice(0, 2500)}\n${SHARED}`,
  }));
  const others = ['000', '002', '003'].map((n) => ({ ...seed(n), id: `user/s${n}.md`, origin: 'user' as const }));
  return [...holders, ...others];
}

const PAGE = `各位同志：\n${'某'.repeat(200)}\n${SHARED}`;

/** The corpus restored from its snapshot with every body in `stored` (a fake database whose
 *  reads are counted) and none in memory. */
function lazyEngine(docs: CorpusDoc[], cacheChars?: number) {
  const snapshot = createEngine(docs).snapshotBytes();
  const cache = new BodyCache(cacheChars);
  const stored = new Map(docs.map((d) => [d.id, d.body]));
  const lazy = docs.map((d) => lazyDoc(docMeta(d) as DocMeta, bodyChecksum(d.body), cache));
  const engine = restoreIncremental(lazy, snapshot)!.engine;
  const reads: string[][] = [];
  const how = {
    async load(ids: string[]) {
      reads.push(ids);
      for (const id of ids) {
        const b = stored.get(id);
        if (b !== undefined) cache.set(id, b);
        else engine.remove(id);
      }
    },
    collect: (fn: () => unknown) => collectMissing(cache, fn),
  };
  return { engine, cache, stored, reads, how };
}

const analyse = (engine: SnapshotEngine, how: Parameters<SnapshotEngine['analyseLoading']>[2]) =>
  engine.analyseLoading(PAGE, undefined, how);

describe('analyseLoading (one pass, bodies read in one call)', () => {
  it('with every body in memory: no read, one pass', async () => {
    const docs = corpus();
    const engine = createEngine(docs);
    passes.mockClear();
    const load = vi.fn();
    const a = await analyse(engine, { load, collect: (fn) => (fn(), []) });
    expect(passes).toHaveBeenCalledTimes(1);
    expect(load).not.toHaveBeenCalled();
    expect(a.match.passages[0]!.holders!.length).toBeGreaterThan(3);
  });

  it('cold: the candidates in one read, the holders they lead to in one more, one pass per read', async () => {
    const docs = corpus();
    const eager = await analyse(createEngine(docs), { load: async () => undefined, collect: (fn) => (fn(), []) });
    const { engine, reads, how } = lazyEngine(docs, 1_000_000);
    passes.mockClear();
    const lazy = await analyse(engine, how);
    expect(lazy.match).toEqual(eager.match);
    expect(lazy.boilerplate).toEqual(eager.boilerplate);
    // Here the page's candidates are three of the holders (and one seed); the other holders are
    // known only once the passage is aligned.
    expect(reads).toHaveLength(2);
    expect(passes).toHaveBeenCalledTimes(2);
    // No body is read twice, and not every body is read.
    const all = reads.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeLessThan(docs.length);
    // Every holder named was read.
    for (const h of lazy.match.passages.flatMap((p) => p.holders ?? [])) expect(all).toContain(h);
  });

  it('warm again: the second page reads nothing and runs once', async () => {
    const { engine, reads, how } = lazyEngine(corpus(), 1_000_000);
    await analyse(engine, how);
    const first = reads.length;
    passes.mockClear();
    await analyse(engine, how);
    expect(reads.length).toBe(first);
    expect(passes).toHaveBeenCalledTimes(1);
  });

  it('a candidate found gone while read is left out, and the page profiled again', async () => {
    const docs = corpus();
    const { engine, stored, how } = lazyEngine(docs, 1_000_000);
    stored.delete('user/h0.md'); // its metadata is indexed, its record gone
    const a = await analyse(engine, how);
    expect(engine.get('user/h0.md')).toBeUndefined();
    expect(a.match.passages.length).toBeGreaterThan(0);
    expect(a.match.passages.flatMap((p) => [p.docId, ...(p.holders ?? [])])).not.toContain('user/h0.md');
  });
});

describe('staging lookup text ahead of prepare()', () => {
  it('once every text is staged, prepare() reads no body and lookup answers as over bodies in memory', () => {
    const docs = corpus();
    const eager = createEngine(docs);
    const { engine, cache, stored } = lazyEngine(docs, 1_000_000);
    const ids = engine.unstaged();
    expect(ids.length).toBe(docs.length);
    // Two chunks, each with its bodies given; nothing goes through the body cache.
    engine.stage(ids.slice(0, 4), new Map(ids.slice(0, 4).map((id) => [id, stored.get(id)!])));
    expect(engine.unstaged()).toEqual(ids.slice(4));
    engine.stage(ids.slice(4), new Map(ids.slice(4).map((id) => [id, stored.get(id)!])));
    expect(engine.unstaged()).toEqual([]);
    expect(cache.size).toBe(0);
    engine.prepare(); // would throw MissingBodyError if it read a body
    expect(engine.lookupReady()).toBe(true);
    const phrase = SHARED.slice(100, 112);
    const hits = (e: SnapshotEngine) =>
      e.lookup(phrase, { contextChars: 0 }).hits.map((h) => [h.docId, h.start, h.end]);
    cache.pin();
    for (const [id, b] of stored) cache.set(id, b); // hits' context reads their bodies
    expect(hits(engine)).toEqual(hits(eager));
    expect(hits(engine).length).toBe(KINDS.length);
  });
});
