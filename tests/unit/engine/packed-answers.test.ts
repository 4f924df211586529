// @vitest-environment node
// An engine whose lookup text is packed (the extension worker's choice, packLookupText) answers
// exactly as the plain-string engine the answers guard pins: matches (the matcher then reads each
// aligned document's text decoded from the packed text), boilerplate, 提法 and lookups, short
// queries (scanned, not indexed) included.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type SnapshotEngine } from '../../../core/engine';
import { bundledDoc, bundledDocs } from '../../fixtures/corpus';

const PAGES = [
  'seeds/002_576c2e6f06f9add2.md',
  'seeds/004_25e97af9508870d1.md',
  'provincial/gwr-2026-hubei.md',
  'provincial/gwr-2026-xizang.md',
  'reports/gwr-2025.md',
];
const PHRASES = [
  '中国特色社会主义',
  '坚持稳中求进工作总基调',
  '統籌發展和安全',
  '西宁',
  '藏',
  '一带一路',
  '这是一句语料里没有的话',
];

let plain: SnapshotEngine;
let packed: SnapshotEngine;
beforeAll(() => {
  plain = createEngine(bundledDocs());
  packed = createEngine(bundledDocs());
  packed.packLookupText();
  packed.prepare();
}, 120_000);

describe('a packed lookup text', () => {
  it('is what the engine holds after packLookupText and prepare', () => {
    expect(packed.indexParts().packedText).toBeGreaterThan(0);
    expect(plain.indexParts().packedText).toBe(0);
    expect(packed.lookupReady()).toBe(true);
  });

  it.each(PAGES)('%s: the same analysis as over the plain text', (id) => {
    const doc = bundledDoc(id);
    expect(packed.analyse(doc.body, { exclude: [id] })).toEqual(plain.analyse(doc.body, { exclude: [id] }));
  });

  it('the same lookups', () => {
    for (const q of PHRASES)
      for (const limit of [3, 40]) expect(packed.lookup(q, { limit }), q).toEqual(plain.lookup(q, { limit }));
  });
});
