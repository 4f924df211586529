// Equivalence guard for speed work: the engine's answers on real bundled documents are compared
// with a golden file written by the code before the speed changes (issue 11). Speed work must not
// change an answer; a change that is meant to (a matching decision) updates the golden file in
// its own commit (`npx vitest run tests/unit/engine/answers-golden.test.ts -u`), so the diff of
// answers is reviewed with it.
// Pages: every seed (Simplified and Traditional), provincial and national reports, each matched
// against the whole bundled corpus with itself left out (as `suyuan match` does for a corpus
// file), a page stitched from three documents, and options that take other code paths.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type SnapshotEngine } from '../../../core/engine';
import type { MatchOptions } from '../../../core/model/types';
import { boilerplateJson, lookupJson, matchJson } from '../../../cli/contract';
import { bundledDoc, bundledDocs, seeds } from '../../fixtures/corpus';

const PAGES = [
  ...seeds().map((d) => d.id),
  'provincial/gwr-2026-hubei.md',
  'provincial/gwr-2026-chongqing.md',
  'provincial/gwr-2026-heilongjiang.md',
  'provincial/gwr-2026-zhejiang.md',
  'provincial/gwr-2026-xizang.md',
  'reports/gwr-2025.md',
  'reports/gwr-2002.md',
  'reports/cpc-20.md',
];

const PHRASES = [
  '中国特色社会主义',
  '以习近平同志为核心的党中央',
  '坚持稳中求进工作总基调',
  '各位代表',
  '努力把农业建成现代化大产业',
  '高质量发展',
  '統籌發展和安全',
  '一带一路',
  '西宁',
  '二十届三中全会',
  '请予审议',
  '这是一句语料里没有的话',
];

let engine: SnapshotEngine;
beforeAll(() => {
  engine = createEngine(bundledDocs());
}, 120_000);

/** Everything the engine answers for a page: the CLI's JSON (match, boilerplate) and the fields
 *  only the extension reads (word diffs, script diffs, leftovers' details, spans' extras). */
function answers(id: string, text: string, options: MatchOptions): unknown {
  const a = engine.analyse(text, options);
  return {
    page: id,
    match: { ...matchJson(id, '', a.match), text: undefined },
    boilerplate: boilerplateJson(id, '', a.boilerplate).spans,
    engine: a,
  };
}

function stitched(): string {
  const a = bundledDoc('provincial/gwr-2026-hubei.md').body;
  const b = bundledDoc('reports/gwr-2024.md').body;
  const c = bundledDoc('seeds/002_576c2e6f06f9add2.md').body;
  return [
    a.slice(3000, 3600),
    b.slice(8000, 8500),
    '这是本页自己写的一段话，和语料库没有关系。',
    c.slice(1000, 1700),
  ].join('\n');
}

describe('engine answers on bundled documents equal the golden file', () => {
  it.each(PAGES)('%s against the rest of the bundled corpus', async (id) => {
    const doc = bundledDoc(id);
    const got = answers(id, doc.body, { exclude: [id] });
    await expect(JSON.stringify(got, null, 1)).toMatchFileSnapshot(`./golden/${id.replace(/[/.]/g, '_')}.json`);
  });

  it('a stitched page, and options that take other paths', async () => {
    const page = stitched();
    const got = [
      answers('stitched', page, {}),
      answers('stitched-options', page, {
        minPassageLength: 30,
        boilerplateMinDocs: 3,
        formulaPhrases: ['高质量发展'],
        ignorePhrases: ['各位代表'],
        top: 3,
      }),
    ];
    await expect(JSON.stringify(got, null, 1)).toMatchFileSnapshot('./golden/stitched.json');
  });

  it('copies of seeds: names swapped but one kept, a Traditional copy with edits', async () => {
    const s2 = bundledDoc('seeds/002_576c2e6f06f9add2.md').body;
    const s4 = bundledDoc('seeds/004_25e97af9508870d1.md').body;
    const swapped = s2
      .replace('西宁', '临江')
      .replace('西宁', '临江')
      .slice(0, s2.length - 400);
    const edited = s4.replace('縣直機關', '市直機關').replace('5月中旬', '6月上旬').replace('全縣上下', '全市上下');
    const got = [answers('seed-002-swapped', swapped, {}), answers('seed-004-edited', edited, {})];
    await expect(JSON.stringify(got, null, 1)).toMatchFileSnapshot('./golden/copies.json');
  });

  it('match() and boilerplate() alone give what analyse() gives', () => {
    const doc = bundledDoc('provincial/gwr-2026-hubei.md');
    const opts = { exclude: [doc.id] };
    const a = engine.analyse(doc.body, opts);
    expect(engine.match(doc.body, opts)).toEqual(a.match);
    expect(engine.boilerplate(doc.body, opts)).toEqual(a.boilerplate);
  });

  it('lookups', async () => {
    const got = PHRASES.map((q) => [
      lookupJson(engine.lookup(q, { limit: 40 })),
      lookupJson(engine.lookup(q, { limit: 3 })),
    ]);
    await expect(JSON.stringify(got, null, 1)).toMatchFileSnapshot('./golden/lookups.json');
  });
});
