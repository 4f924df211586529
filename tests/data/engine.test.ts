// @vitest-environment node
// The engine over the evaluation corpus (../shared corpus-external without the hansard, plus the
// scraped seeds): natural duplicates among the Xi speeches, and provincial reports the national
// reports must not light up beyond formula.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type SnapshotEngine } from '../../core/engine';
import type { CorpusDoc, MatchResult } from '../../core/model/types';
import { loadShared } from '../fixtures/shared';
import { describeData } from './guard';

function coveredBy(r: MatchResult, pred: (docId: string) => boolean): number {
  return r.passages.filter((p) => pred(p.docId)).reduce((a, p) => a + (p.end - p.start), 0);
}

describeData('engine on ../shared corpus-external', ['seeds', 'corpus-external'], () => {
  let docs: CorpusDoc[];
  let engine: SnapshotEngine;
  const byId = (id: string): CorpusDoc => docs.find((d) => d.id === id)!;

  beforeAll(() => {
    const ext = loadShared('corpus-external').filter((d) => !d.id.startsWith('hk-legco'));
    const seeds = loadShared('seeds').map((d) => ({ ...d, id: `seeds/${d.id}` }));
    docs = [...ext, ...seeds];
    engine = createEngine(docs);
  }, 120_000);

  it.each([
    ['0008', '0027'],
    ['0015', '0049'],
    ['0038', '0040'],
    ['0046', '0047'],
  ])('xi-speeches natural duplicates %s ~ %s find each other', (a, b) => {
    const A = byId(`xi-speeches-2020/${a}`);
    const B = byId(`xi-speeches-2020/${b}`);
    for (const [page, other] of [
      [A, B],
      [B, A],
    ] as const) {
      expect(engine.remove(page.id)).toBe(true);
      try {
        const r = engine.match(page.body);
        expect(r.candidates[0]!.id).toBe(other.id);
        expect(r.reuseRatio).toBeGreaterThan(0.6);
      } finally {
        engine.add([page]);
      }
    }
  });

  it('does not light up national reports on a novel provincial report beyond boilerplate', () => {
    for (const id of ['cn-provincial-gwr-2026/0005', 'cn-provincial-gwr-2026/0013', 'cn-provincial-gwr-2026/0021']) {
      const page = byId(id);
      engine.remove(id);
      try {
        const r = engine.match(page.body);
        const national = coveredBy(r, (d) => d.startsWith('cn-gov-work-reports/'));
        expect(national / page.body.length).toBeLessThan(0.015);
      } finally {
        engine.add([page]);
      }
    }
  });

  describe('boilerplate phrases are whole words', () => {
    it('on a real provincial report, every span starts and ends on a word boundary, without edge punctuation', () => {
      const page = docs.find((d) => d.id.startsWith('cn-provincial-gwr-2026'))!.body.slice(0, 6000);
      const spans = engine.boilerplate(page);
      expect(spans.length).toBeGreaterThan(3);
      const seg = new Intl.Segmenter('zh', { granularity: 'word' });
      const bounds = new Set<number>([page.length]);
      for (const w of seg.segment(page)) bounds.add(w.index);
      for (const sp of spans) {
        expect(page.slice(sp.start, sp.end)).toBe(sp.phrase);
        expect(sp.phrase).not.toMatch(/^[\s\p{P}]|[\s\p{P}]$/u);
        const near = (i: number) => bounds.has(i) || bounds.has(i - 1) || bounds.has(i + 1);
        expect(near(sp.start) && near(sp.end), sp.phrase).toBe(true);
      }
    });
  });
});

describeData('families on ../shared corpus-external', ['corpus-external'], () => {
  it('links the real reposts in the external corpus and nothing else', () => {
    const xi = loadShared('corpus-external').filter((d) => d.id.startsWith('xi-speeches-2020/'));
    const engine = createEngine(xi);
    const snap = engine.snapshot() as unknown as { families: { labels: number[] }; slots: string[] };
    const groups = new Map<number, string[]>();
    snap.families.labels.forEach((f, s) => groups.set(f, [...(groups.get(f) ?? []), snap.slots[s]!]));
    const linked = [...groups.values()].filter((g) => g.length > 1).map((g) => g.join(' '));
    // Same speech twice (a news-agency copy and the text itself), e.g. the APEC address of 2020-11-19.
    expect(linked).toContain('xi-speeches-2020/0035 xi-speeches-2020/0036');
    expect(linked.every((g) => g.split(' ').length === 2)).toBe(true);
    expect(linked.length).toBeLessThan(10);
  });
});
