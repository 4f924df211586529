// @vitest-environment node
// Lookup counts documents over every occurrence, not over the hits it returns.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import { bundledDocs } from '../../fixtures/corpus';

const engine = createEngine(bundledDocs());

describe('lookup docs', () => {
  it.each(['中国特色社会主义', '高质量发展', '各位代表', '实事求是'])('counts every document holding %s', (q) => {
    const all = engine.lookup(q, { limit: 1_000_000 });
    const distinct = new Set(all.hits.map((h) => h.docId)).size;
    expect(all.hits.length).toBe(all.total);
    expect(all.docs).toBe(distinct);
    const few = engine.lookup(q, { limit: 5 });
    expect(few.total).toBe(all.total);
    expect(few.docs).toBe(all.docs);
    expect(new Set(few.hits.map((h) => h.docId)).size).toBeLessThan(all.docs);
  });

  it('counts a document added after the corpus text was built', () => {
    const e = createEngine(bundledDocs());
    const before = e.lookup('高质量发展').docs;
    e.add([{ id: 'user/x', title: 'x', body: '推动高质量发展，高质量发展。', origin: 'user' }]);
    expect(e.lookup('高质量发展').docs).toBe(before + 1);
  });
});
