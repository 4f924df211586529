// @vitest-environment node
// Candidate generation that cannot be out-voted, copying among a few documents, and pages that
// repeat themselves; on the bundled corpus only.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import type { CorpusDoc, MatchResult } from '../../../core/model/types';
import { bundledDocs } from '../../fixtures/corpus';

const docs: CorpusDoc[] = bundledDocs();

/** Page characters inside passages credited to `id` (as aligned document or as a holder). */
function creditedTo(r: MatchResult, id: string, from: number, to: number): number {
  const mark = new Uint8Array(to - from);
  for (const p of r.passages)
    if (p.docId === id || p.holders?.includes(id))
      for (let i = Math.max(p.start, from); i < Math.min(p.end, to); i++) mark[i - from] = 1;
  return mark.reduce((a, b) => a + b, 0);
}

/** A paragraph of 150–300 characters from the middle of a document. */
function paragraph(d: CorpusDoc): string {
  const paras = d.body.split('\n').filter((p) => p.length >= 150 && p.length <= 300);
  return paras[Math.floor(paras.length / 2)]!;
}

describe('candidates from local evidence', () => {
  const longDocs = (): CorpusDoc[] => docs.filter((d) => d.body.length >= 15_000 && d.body.length <= 30_000);

  it('finds a short copied paragraph inside a long page whatever the rest of the page shares', () => {
    const hosts = longDocs().slice(0, 4);
    expect(hosts.length).toBe(4);
    for (const [k, host] of hosts.entries()) {
      const source = docs.filter((d) => d.id !== host.id && paragraph(d))[k * 7]!;
      const piece = paragraph(source);
      const cut = host.body.indexOf('\n', Math.floor(host.body.length / 2));
      const page = `${host.body.slice(0, cut)}\n${piece}\n${host.body.slice(cut)}`;
      const engine = createEngine(docs.filter((d) => d.id !== host.id));
      const r = engine.match(page);
      const at = cut + 1;
      expect(creditedTo(r, source.id, at, at + piece.length), `${source.id} in ${host.id}`).toBeGreaterThan(
        0.9 * piece.length,
      );
    }
  });

  it('aligns a document whose run reaches past a chosen source into text no chosen document holds', () => {
    // A long page (its own text not in the corpus) with a paragraph of `src` inside it, followed
    // by a sentence only `holder` has, right after the paragraph's last 25 characters: `holder`'s
    // one local run overlaps `src`'s much longer run, and reaches past it.
    const host = longDocs()[1]!;
    const src = docs.find((d) => d.id !== host.id && d.id.includes('provincial') && paragraph(d))!;
    const head = paragraph(src);
    const tail = '溯源测试句讲路灯改造夜间公交延长运营';
    const holderBase = docs.find(
      (d) => d.id.startsWith('seeds/') && d.body.length > 3000 && !d.body.includes(head.slice(-25)),
    )!;
    const holder: CorpusDoc = { ...holderBase, body: `${holderBase.body}\n${head.slice(-25)}${tail}\n` };
    const cut = host.body.indexOf('\n', Math.floor(host.body.length / 2));
    const page = `${host.body.slice(0, cut)}\n${head}${tail}。\n${host.body.slice(cut)}`;
    const corpus = docs.filter((d) => d.id !== host.id && d.id !== holderBase.id).concat(holder);
    const r = createEngine(corpus).match(page);
    const at = cut + 1 + head.length;
    expect(creditedTo(r, src.id, cut + 1, at)).toBeGreaterThan(0.9 * head.length);
    expect(creditedTo(r, holder.id, at, at + tail.length)).toBeGreaterThanOrEqual(tail.length - 1);
  });

  it('reports copying held by a few documents with every holder, and not formula', () => {
    const sentence =
      '推动溯源测试句子在三个地区的报告里一字不差地出现，用来检验少数文件共有的段落能否被完整报告出来并列出全部持有者';
    const [a, b, c] = docs.filter((d) => d.body.length > 5000).slice(0, 3) as [CorpusDoc, CorpusDoc, CorpusDoc];
    const withIt = (d: CorpusDoc): CorpusDoc => ({ ...d, body: `${d.body}\n${sentence}\n` });
    const corpus = docs.filter((d) => d.id !== a.id && d.id !== b.id && d.id !== c.id).concat(withIt(b), withIt(c));
    const engine = createEngine(corpus);
    const page = withIt(a).body;
    const r = engine.match(page);
    const at = page.indexOf(sentence);
    const p = r.passages.find((x) => x.start <= at + 2 && x.end >= at + sentence.length - 2);
    expect(p).toBeDefined();
    expect(new Set(p!.holders)).toEqual(new Set([b.id, c.id]));
    expect(engine.boilerplate(page).some((s) => s.start >= at && s.end <= at + sentence.length)).toBe(false);
  });

  it('keeps reuse visible on a page that repeats a speech seven times', () => {
    const src = docs.find((d) => d.body.length > 3000)!;
    const piece = src.body.slice(0, 3000);
    const engine = createEngine(docs);
    for (const times of [2, 6, 7, 12]) {
      const page = Array.from({ length: times }, () => piece).join('\n');
      const r = engine.match(page);
      expect(r.reuseRatio, `${times} copies`).toBeGreaterThan(0.9);
    }
  });
});
