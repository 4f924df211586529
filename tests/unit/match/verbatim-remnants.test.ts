// @vitest-environment node
// A verbatim run another passage partly took stays marked: the part left over, shorter than a
// passage, goes to the document holding the run word for word (bundled corpus only).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import type { CorpusDoc } from '../../../core/model/types';
import { bundledDocs } from '../../fixtures/corpus';

const docs: CorpusDoc[] = bundledDocs();

describe('verbatim remnants', () => {
  it('marks the end of a run a second document holds word for word past the first passage', () => {
    const src = docs.find((d) => d.id.includes('provincial') && d.body.length > 20_000)!;
    const para = src.body.split('\n').find((p) => p.length >= 400 && p.length <= 900)!;
    const head = para.slice(0, 300);
    // The page goes on past the paragraph's head with a sentence only `holder` has, right after
    // the head's last 25 characters: `holder` holds those 25 and the sentence as one 45-character
    // run, `src` the 300 before it.
    const tail = '溯源测试句讲路灯改造夜间公交延长运营';
    expect(tail.length).toBeGreaterThanOrEqual(15);
    const novel = '。本县另行安排的事项由县里各部门自行商定办理，不在此列，届时另行通知';
    const page = `${head}${tail}${novel}`;
    const other = docs.find((d) => d.id !== src.id && d.body.length > 5000 && !d.body.includes(head.slice(-25)))!;
    const holder: CorpusDoc = { ...other, body: `${other.body}\n${head.slice(-25)}${tail}\n` };
    const corpus = [src, holder, ...docs.filter((d) => d.id !== src.id && d.id !== other.id).slice(0, 3)];
    const r = createEngine(corpus).match(page);
    expect(r.passages.some((p) => p.docId === src.id && p.end >= head.length - 1)).toBe(true);
    const mid = head.length + Math.floor(tail.length / 2);
    const over = r.passages.find((p) => p.start <= mid && p.end > mid);
    expect(over?.docId).toBe(holder.id);
    expect(over!.end).toBeGreaterThanOrEqual(head.length + tail.length - 1);
    // The novel text after it is not marked.
    expect(r.passages.every((p) => p.end <= head.length + tail.length + 1)).toBe(true);
  });
});
