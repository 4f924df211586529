// A passage's diff laid over the page and the document: where each op starts on both sides, the
// page ranges that are unchanged from the source, and the words swapped (斯鑫良→王建国).
import type { Passage } from '../model/types';

export interface Segment {
  op: -1 | 0 | 1;
  text: string;
  /** Page offset where the op sits (a deletion sits between page characters). */
  page: number;
  /** Document offset where the op sits. */
  doc: number;
}

export function segmentsOf(p: Passage): Segment[] {
  const out: Segment[] = [];
  let page = p.start;
  let doc = p.docStart;
  for (const [op, text] of p.diff ?? [[0, '']]) {
    out.push({ op, text, page, doc });
    if (op !== -1) page += text.length;
    if (op !== 1) doc += text.length;
  }
  return out;
}

export interface Range {
  start: number;
  end: number;
  docId: string;
}

/** The page text a deletion/insertion pair keeps from the source at its edges (天水麦积区 →
 *  赣州麦积区 keeps 麦积区): the word diff cuts at words, a swap often carries its neighbours. */
function keptEdges(del: Segment, ins: Segment, docId: string): Range[] {
  const [from, , skipped] = trimCommon(del.text, ins.text);
  const suffix = del.text.length - skipped - from.length;
  const out: Range[] = [];
  if (skipped) out.push({ start: ins.page, end: ins.page + skipped, docId });
  if (suffix) out.push({ start: ins.page + ins.text.length - suffix, end: ins.page + ins.text.length, docId });
  return out;
}

/** Ranges of one passage, adjacent ones joined. */
function passageRanges(p: Passage): Range[] {
  if (!p.diff) return [{ start: p.start, end: p.end, docId: p.docId }];
  const out: Range[] = [];
  const segs = segmentsOf(p);
  const push = (r: Range) => {
    const last = out[out.length - 1];
    if (last && last.end === r.start) last.end = r.end;
    else if (r.end > r.start) out.push(r);
  };
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const next = segs[i + 1];
    if (s.op === 0) push({ start: s.page, end: s.page + s.text.length, docId: p.docId });
    else if (next && next.op !== 0 && next.op !== s.op) {
      const [del, ins] = s.op === -1 ? [s, next] : [next, s];
      keptEdges(del, ins, p.docId).forEach(push);
      i++;
    }
  }
  return out;
}

/** Page ranges copied unchanged (equal ops, and the common edges of a swap), in page order.
 *  Without a diff, the whole passage. */
export function unchangedRanges(passages: Passage[]): Range[] {
  return passages.flatMap(passageRanges).sort((a, b) => a.start - b.start);
}

export interface Swap {
  /** What the source wrote and what the page wrote instead, common edges trimmed. */
  from: string;
  to: string;
  docId: string;
  /** Document offset of `from`. */
  doc: number;
}

function trimCommon(a: string, b: string): [string, string, number] {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  return [a.slice(s, a.length - e), b.slice(s, b.length - e), s];
}

/** Adjacent deletion/insertion pairs of every passage. */
export function swapsOf(passages: Passage[]): Swap[] {
  const out: Swap[] = [];
  for (const p of passages) {
    const segs = segmentsOf(p);
    for (let i = 0; i + 1 < segs.length; i++) {
      const a = segs[i]!;
      const b = segs[i + 1]!;
      if (a.op === 0 || b.op === 0 || a.op === b.op) continue;
      const del = a.op === -1 ? a : b;
      const ins = a.op === -1 ? b : a;
      const [from, to, skipped] = trimCommon(del.text, ins.text);
      if (from && to) out.push({ from, to, docId: p.docId, doc: del.doc + skipped });
      i++;
    }
  }
  return out;
}
