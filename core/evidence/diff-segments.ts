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

/** Page ranges copied unchanged (equal ops), in page order. Without a diff, the whole passage. */
export function unchangedRanges(passages: Passage[]): Range[] {
  const out: Range[] = [];
  for (const p of passages) {
    if (!p.diff) {
      out.push({ start: p.start, end: p.end, docId: p.docId });
      continue;
    }
    for (const s of segmentsOf(p))
      if (s.op === 0 && s.text.length) out.push({ start: s.page, end: s.page + s.text.length, docId: p.docId });
  }
  return out.sort((a, b) => a.start - b.start);
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
