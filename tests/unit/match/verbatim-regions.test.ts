// @vitest-environment node
// Page regions go to the document holding them verbatim rather than to a longer passage that
// holds them only across a bridged gap (bundled corpus only).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import type { CorpusDoc } from '../../../core/model/types';
import { bundledDocs } from '../../fixtures/corpus';

const docs: CorpusDoc[] = bundledDocs();

describe('verbatim holders win their region', () => {
  it('credits a sentence written into a copied paragraph to the document that holds it word for word', () => {
    const src = docs.find((d) => d.id.includes('provincial') && d.body.length > 20_000)!;
    const para = src.body.split('\n').find((p) => p.length >= 400 && p.length <= 900)!;
    const at = 180;
    const inserted = '溯源测试新增的一句话讲的是全县街巷路灯改造与夜间公交延长运营一并推进，让群众晚归更安心更方便';
    expect(inserted.length).toBeGreaterThanOrEqual(45);
    // The page replaces 40 characters of the paragraph with the inserted sentence.
    const page = `${para.slice(0, at)}${inserted}${para.slice(at + 40)}`;
    const other = docs.find((d) => d.id !== src.id && d.body.length > 5000 && !d.body.includes(para.slice(0, 30)))!;
    const holder: CorpusDoc = {
      ...other,
      body: `${other.body}\n据了解，${inserted}。\n`,
    };
    const corpus = docs.filter((d) => d.id !== other.id).concat(holder);
    const r = createEngine(corpus).match(page);
    const mid = at + Math.floor(inserted.length / 2);
    const over = r.passages.find((p) => p.start <= mid && p.end > mid);
    expect(over?.docId).toBe(holder.id);
    // The copied text on either side still goes to the paragraph's own document.
    expect(r.passages.some((p) => p.docId === src.id && p.start < at)).toBe(true);
    expect(r.passages.some((p) => p.docId === src.id && p.end > at + inserted.length)).toBe(true);
  });
});
