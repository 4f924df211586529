// @vitest-environment node
import * as OpenCC from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, restoreEngine, type SnapshotEngine } from '../../../core/engine';
import type { CorpusDoc } from '../../../core/model/types';
import { normalize } from '../../../core/text/normalize';
import { reports, seeds } from '../../fixtures/corpus';
import { lightEdit } from '../../fixtures/reuse-cases';
import { rng } from '../../fixtures/rng';

let docs: CorpusDoc[];
let engine: SnapshotEngine;
const byId = (id: string): CorpusDoc => docs.find((d) => d.id === id)!;
const rebuild = (ops: [number, string][], skip: number): string =>
  ops
    .filter(([op]) => op !== skip)
    .map(([, t]) => t)
    .join('');

// The bundled corpus (national reports and seeds). The same engine over corpus-external, with the
// checks that need its other sources (Xi speeches, provincial reports), is in tests/data/engine.test.ts.
beforeAll(() => {
  docs = [...reports(), ...seeds()];
  engine = createEngine(docs);
}, 120_000);

describe('match', () => {
  it('finds the source of a seed with names and numbers swapped, with exact offsets and diffs', () => {
    const src = docs.find((d) => d.id.startsWith('seeds/'))!;
    const page = lightEdit(rng(1), src.body);
    const r = engine.match(page);
    expect(r.candidates[0]!.id).toBe(src.id);
    expect(r.reuseRatio).toBeGreaterThan(0.9);
    for (const p of r.passages.filter((x) => x.docId === src.id)) {
      const pageSide = page.slice(p.start, p.end);
      const docSide = src.body.slice(p.docStart, p.docEnd);
      // The full diff (with script and width differences as pairs) rebuilds both sides exactly.
      expect(rebuild(p.scriptDiff ?? p.diff!, 1)).toBe(docSide);
      expect(rebuild(p.scriptDiff ?? p.diff!, -1)).toBe(pageSide);
      expect(rebuild(p.diff!, -1)).toBe(pageSide);
      // The spans start on the same words.
      expect(normalize(pageSide).text.slice(0, 6)).toBe(normalize(docSide).text.slice(0, 6));
      expect(p.similarity).toBeGreaterThan(0.8);
    }
  });

  it('matches a Traditional copy to its Simplified source', () => {
    const src = byId('reports/gwr-2022.md');
    const page = OpenCC.Converter({ from: 'cn', to: 'tw' })(src.body.slice(2000, 6000));
    expect(page).not.toBe(src.body.slice(2000, 6000));
    const r = engine.match(page);
    expect(r.candidates[0]!.id).toBe(src.id);
    expect(r.reuseRatio).toBeGreaterThan(0.95);
    const p = r.passages[0]!;
    expect(p.docId).toBe(src.id);
    expect(p.similarity).toBeGreaterThan(0.97);
    expect(p.docStart).toBeGreaterThanOrEqual(1990);
    expect(p.docEnd).toBeLessThanOrEqual(6010);
  });

  it('ignorePhrases are not reported as reuse', () => {
    const src = docs.find((d) => d.id.startsWith('seeds/'))!;
    const text = src.body.slice(0, 1500);
    const phrase = normalize(text).text.slice(200, 260);
    const r = engine.match(text, { ignorePhrases: [phrase] });
    const n = normalize(text);
    const at = n.text.indexOf(phrase);
    const a = n.starts[at]!;
    const b = n.ends[at + phrase.length - 1]!;
    expect(r.candidates[0]!.id).toBe(src.id);
    for (const p of r.passages) expect(p.end <= a || p.start >= b).toBe(true);
    const plain = engine.match(text);
    expect(plain.passages.some((p) => p.start < b && p.end > a)).toBe(true);
    expect(r.reuseRatio).toBeLessThan(plain.reuseRatio);
  });
});

describe('boilerplate', () => {
  it('reports formula phrasing as whole phrases, counted as lookup counts, honours formula and ignore phrases', () => {
    const page = '我们要高举中国特色社会主义伟大旗帜，推动本地区各项工作落到实处，小明养了一只猫。';
    const spans = engine.boilerplate(page);
    const hit = spans.find((s) => s.phrase.includes('中国特色社会主义伟大旗帜'));
    expect(hit).toBeDefined();
    expect(hit!.phrase).toBe('高举中国特色社会主义伟大旗帜');
    expect(hit!.docFreq).toBe(engine.lookup(hit!.phrase).docs);
    expect(hit!.docFreq).toBeGreaterThanOrEqual(5);
    expect(page.slice(hit!.start, hit!.end)).toBe(hit!.phrase);
    expect(spans.some((s) => s.phrase.includes('小明养了一只猫'))).toBe(false);
    const withFormula = engine.boilerplate(page, { formulaPhrases: ['小明养了一只猫'] });
    expect(withFormula.some((s) => s.phrase.includes('小明养了一只猫'))).toBe(true);
    const ignored = engine.boilerplate(page, { ignorePhrases: ['高举中国特色社会主义伟大旗帜'] });
    expect(ignored.some((s) => s.phrase.includes('中国特色社会主义伟大'))).toBe(false);
  });
});

describe('analyse', () => {
  it('gives exactly what match() and boilerplate() give one by one, with the same options', () => {
    const src = docs.find((d) => d.id.startsWith('seeds/'))!;
    const page = lightEdit(rng(9), src.body) + '\n小明养了一只猫。';
    for (const opts of [{}, { formulaPhrases: ['小明养了一只猫'], ignorePhrases: ['同志们'], minPassageLength: 40 }]) {
      const both = engine.analyse(page, opts);
      expect(both.match).toEqual(engine.match(page, opts));
      expect(both.boilerplate).toEqual(engine.boilerplate(page, opts));
      expect(both.boilerplate.length).toBeGreaterThan(0);
    }
  });
});

describe('boilerplate phrases are whole words', () => {
  it('on a report the corpus does not hold, every span starts and ends on a word boundary, without edge punctuation', () => {
    const held = byId('reports/gwr-2025.md');
    const page = held.body.slice(0, 6000);
    engine.remove(held.id);
    let spans: ReturnType<typeof engine.boilerplate>;
    try {
      spans = engine.boilerplate(page);
    } finally {
      engine.add([held]);
    }
    expect(spans.length).toBeGreaterThan(3);
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    const bounds = new Set<number>([page.length]);
    for (const w of seg.segment(page)) bounds.add(w.index);
    for (const sp of spans) {
      expect(page.slice(sp.start, sp.end)).toBe(sp.phrase);
      expect(sp.phrase).not.toMatch(/^[\s\p{P}]|[\s\p{P}]$/u);
      // Context-free segmentation of the whole page may differ by a character at rare spots, so
      // allow a boundary one character away; a gram-cut edge is usually several characters inside a word.
      const near = (i: number) => bounds.has(i) || bounds.has(i - 1) || bounds.has(i + 1);
      expect(near(sp.start) && near(sp.end), sp.phrase).toBe(true);
    }
  });
});

describe('lookup', () => {
  const brute = (q: string): number => {
    const nq = normalize(q).text;
    let total = 0;
    for (const d of engine.list()) {
      const t = normalize(engine.get(d.id)!.body).text;
      for (let at = t.indexOf(nq); at >= 0; at = t.indexOf(nq, at + 1)) total++;
    }
    return total;
  };

  it.each(['以習近平同志為核心的黨中央', '堅持以人民為中心', '政府工作', '小康'])(
    'finds Traditional query %s in Simplified docs with exact offsets and full total',
    (q) => {
      const r = engine.lookup(q, { limit: 10 });
      expect(r.total).toBe(brute(q));
      expect(r.total).toBeGreaterThan(0);
      expect(r.hits.length).toBe(Math.min(10, r.total));
      for (const h of r.hits) {
        const body = engine.get(h.docId)!.body;
        expect(normalize(body.slice(h.start, h.end)).text).toBe(normalize(q).text);
        expect(h.context).toContain(body.slice(h.start, h.end));
      }
    },
  );

  it('returns nothing for a phrase absent from the corpus', () => {
    expect(engine.lookup('这句话在语料里绝对不存在的呀').total).toBe(0);
  });
});

describe('corpus changes and snapshots', () => {
  it('adds and removes documents incrementally', () => {
    const before = engine.list().length;
    const body =
      '同志们：今天我们召开全区乡村振兴推进会，重点研究部署茶叶产业链延伸和冷链物流建设，请各乡镇抓好落实。'.repeat(3);
    engine.add([{ id: 'user/new', title: '新讲话', body, origin: 'user' }]);
    expect(engine.list().length).toBe(before + 1);
    expect(engine.match(body).candidates[0]!.id).toBe('user/new');
    expect(engine.lookup('茶叶产业链延伸').hits.some((h) => h.docId === 'user/new')).toBe(true);
    expect(engine.remove('user/new')).toBe(true);
    expect(engine.remove('user/new')).toBe(false);
    expect(engine.list().length).toBe(before);
    expect(engine.match(body).passages.some((p) => p.docId === 'user/new')).toBe(false);
    expect(engine.lookup('茶叶产业链延伸').total).toBe(0);
  });

  it('gives the same results after a JSON snapshot round trip', () => {
    const snap = JSON.parse(JSON.stringify(engine.snapshot()));
    const current = engine.list().map((m) => engine.get(m.id)!);
    const restored = restoreEngine(current, snap);
    const page = lightEdit(rng(5), byId('reports/cpc-12.md').body.slice(0, 5000));
    expect(restored.match(page)).toEqual(engine.match(page));
    expect(restored.lookup('高质量发展', { limit: 5 })).toEqual(engine.lookup('高质量发展', { limit: 5 }));
    expect(restored.boilerplate(page)).toEqual(engine.boilerplate(page));
    // A snapshot of other documents is not trusted: the engine rebuilds.
    const other = restoreEngine(current.slice(1), snap);
    expect(other.list().length).toBe(current.length - 1);
  });

  it('gives the same results after a binary snapshot round trip', () => {
    const bytes = engine.snapshotBytes();
    // Copied into an unaligned spot of a larger buffer, as a fetched asset may hold it.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const current = engine.list().map((m) => engine.get(m.id)!);
    const restored = restoreEngine(current, shifted.subarray(1));
    const page = lightEdit(rng(6), byId('reports/cpc-12.md').body.slice(0, 5000));
    expect(restored.match(page)).toEqual(engine.match(page));
    expect(restored.lookup('高质量发展', { limit: 5 })).toEqual(engine.lookup('高质量发展', { limit: 5 }));
  }, 120_000);

  it('the binary and JSON snapshots describe the same index; a damaged one is rebuilt, not trusted', () => {
    const few = engine
      .list()
      .slice(0, 4)
      .map((m) => engine.get(m.id)!);
    const small = createEngine(few);
    const bytes = small.snapshotBytes();
    expect(restoreEngine(few, JSON.parse(JSON.stringify(small.snapshot()))).snapshotBytes()).toEqual(bytes);
    const page = few[0]!.body.slice(0, 3000);
    expect(restoreEngine(few, bytes.slice(0, 40)).match(page)).toEqual(small.match(page));
    expect(restoreEngine(few, bytes).match(page)).toEqual(small.match(page));
  });
});
