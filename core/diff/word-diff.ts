// Word-level diff of an aligned passage, in two passes: clauses first (split after punctuation),
// each clause mapped to one character (the diff_linesToChars_ idea); only clauses that differ are
// diffed again by characters, cleaned up semantically so a changed word comes out whole. Ops come out in ORIGINAL characters. Units that
// are equal after normalisation but spelled differently in the originals (Traditional vs
// Simplified, full/half width) become a -1/+1 pair so that the ops rebuild both originals
// exactly; they still count as equal for similarity.
import DiffMatchPatch from 'diff-match-patch';
import type { DiffOp } from '../model/types';
import type { NormalizedText } from '../text/normalize';

interface Side {
  n: NormalizedText;
  /** Normalised span. */
  start: number;
  end: number;
}

type Unit = [start: number, end: number];

/** Character units: inside a differing clause the diff runs on characters and is cleaned up
 *  semantically (diff_cleanupSemantic), which groups a swapped name or number into one pair;
 *  a word segmenter pass cost more than the rest of matching on a lightly edited page. */
function charUnits(from: number, to: number): Unit[] {
  const out: Unit[] = [];
  for (let i = from; i < to; i++) out.push([i, i + 1]);
  return out;
}

const CLAUSE_END = /[，。；！？、：,.;!?:]/;
function clauseUnits(text: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  let s = from;
  for (let i = from; i < to; i++)
    if (CLAUSE_END.test(text[i]!)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  if (s < to) out.push([s, to]);
  return out;
}

function encode(text: string, units: Unit[], codes: Map<string, string>): string {
  let s = '';
  for (const [a, b] of units) {
    const key = text.slice(a, b);
    let c = codes.get(key);
    if (c === undefined) {
      let code = 0x100 + codes.size;
      if (code >= 0xd800) code += 0x800;
      c = String.fromCharCode(code);
      codes.set(key, c);
    }
    s += c;
  }
  return s;
}

export interface WordDiff {
  ops: DiffOp[];
  /** 2 · equal normalised chars / (doc chars + page chars). */
  similarity: number;
}

/** Diff ops built up over one passage, with the count of equal normalised characters. */
class DiffBuilder {
  readonly ops: DiffOp[] = [];
  equal = 0;

  constructor(
    private readonly doc: Side,
    private readonly page: Side,
  ) {}

  push(op: -1 | 0 | 1, text: string): void {
    if (!text) return;
    const last = this.ops[this.ops.length - 1];
    if (last && last[0] === op) last[1] += text;
    else this.ops.push([op, text]);
  }

  /** Original slice owned by normalised [a, b): up to the next char's original start (or the
   *  passage's original end), so consecutive slices tile the passage with nothing lost. */
  slice(side: Side, a: number, b: number): string {
    const n = side.n;
    const to = b < side.end ? n.starts[b]! : n.ends[side.end - 1]!;
    return n.original.slice(n.starts[a]!, to);
  }

  /** Doc [a, b) equals page [pa, pb) after normalisation. */
  emitEqual(a: number, b: number, pa: number, pb: number, fine: boolean): void {
    const d = this.slice(this.doc, a, b);
    const p = this.slice(this.page, pa, pb);
    this.equal += b - a;
    if (d === p) this.push(0, p);
    else if (fine && b - a > 1) this.emitBySpelling(a, b, pa);
    else {
      this.push(-1, d);
      this.push(1, p);
    }
  }

  /** Same after normalisation, spelled differently (script, width): compare character by
   *  character, keeping runs of equal and of differing characters together (a clause of
   *  Traditional text is one pair per converted stretch, never a segmenter pass). */
  private emitBySpelling(a: number, b: number, pa: number): void {
    const sameAt = (x: number): boolean =>
      this.slice(this.doc, x, x + 1) === this.slice(this.page, pa + (x - a), pa + (x - a) + 1);
    for (let x = a; x < b;) {
      const same = sameAt(x);
      let y = x + 1;
      while (y < b && sameAt(y) === same) y++;
      const pp = this.slice(this.page, pa + (x - a), pa + (y - a));
      if (same) this.push(0, pp);
      else {
        this.push(-1, this.slice(this.doc, x, y));
        this.push(1, pp);
      }
      x = y;
    }
  }

  /** Diffs doc [da, db) against page [pa, pb) by clauses, or by characters (`words`) inside a
   *  changed pair of clause blocks. */
  level(da: number, db: number, pa: number, pb: number, words: boolean): void {
    const dText = this.doc.n.text;
    const pText = this.page.n.text;
    const du = words ? charUnits(da, db) : clauseUnits(dText, da, db);
    const pu = words ? charUnits(pa, pb) : clauseUnits(pText, pa, pb);
    const diffs = unitDiff(dText, du, pText, pu, words);
    let di = 0;
    let pi = 0;
    let k = 0;
    while (k < diffs.length) {
      const [op, s] = diffs[k]!;
      if (op === 0) {
        for (let t = 0; t < s.length; t++) {
          const d = du[di++]!;
          const p = pu[pi++]!;
          this.emitEqual(d[0], d[1], p[0], p[1], !words);
        }
        k++;
        continue;
      }
      // A block of deletions/insertions between two equal stretches.
      let dn = 0;
      let pn = 0;
      for (; k < diffs.length && diffs[k]![0] !== 0; k++) {
        if (diffs[k]![0] === -1) dn += diffs[k]![1].length;
        else pn += diffs[k]![1].length;
      }
      const dFrom = du[di]?.[0] ?? db;
      const dTo = dn ? du[di + dn - 1]![1] : dFrom;
      const pFrom = pu[pi]?.[0] ?? pb;
      const pTo = pn ? pu[pi + pn - 1]![1] : pFrom;
      di += dn;
      pi += pn;
      if (!words && dn && pn) this.level(dFrom, dTo, pFrom, pTo, true);
      else {
        if (dn) this.push(-1, this.slice(this.doc, dFrom, dTo));
        if (pn) this.push(1, this.slice(this.page, pFrom, pTo));
      }
    }
  }
}

/** diff-match-patch over units, each unit one character (the diff_linesToChars_ idea). */
function unitDiff(dText: string, du: Unit[], pText: string, pu: Unit[], words: boolean): DiffMatchPatch.Diff[] {
  const codes = new Map<string, string>();
  const a = encode(dText, du, codes);
  const b = encode(pText, pu, codes);
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(a, b, false);
  if (words) dmp.diff_cleanupSemantic(diffs);
  return diffs;
}

export function wordDiff(doc: Side, page: Side): WordDiff {
  const built = new DiffBuilder(doc, page);
  built.level(doc.start, doc.end, page.start, page.end, false);
  const total = doc.end - doc.start + (page.end - page.start);
  return { ops: built.ops, similarity: total === 0 ? 1 : (2 * built.equal) / total };
}
