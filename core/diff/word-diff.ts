// Word-level diff of an aligned passage, in two passes: clauses first (split after punctuation),
// each clause mapped to one character (the diff_linesToChars_ idea); only clauses that differ are
// diffed again by characters, cleaned up semantically so a changed word comes out whole. The diff
// runs on the folded forms and comes out in ORIGINAL characters: text equal after folding but
// spelled differently (Traditional vs Simplified, full/half width) is equal text in the page's
// characters (one language: a Traditional copy with no edits has no change), and a -1/+1 pair
// only in scriptOps, shown on request, which rebuilds both originals exactly.
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
  /** Diff of the folded forms, in the page's own characters: script and width differences
   *  (为→為, ，→,) are equal text, so every -1/+1 pair is a real edit. */
  ops: DiffOp[];
  /** The same diff with script-only differences as -1/+1 pairs too (ops that rebuild both
   *  originals exactly); present only when such differences exist. */
  scriptOps?: DiffOp[];
  /** 2 · equal normalised chars / (doc chars + page chars). */
  similarity: number;
}

export function wordDiff(doc: Side, page: Side): WordDiff {
  const ops: DiffOp[] = [];
  const full: DiffOp[] = [];
  let scripted = false;
  let equal = 0;
  const add = (list: DiffOp[], op: -1 | 0 | 1, text: string): void => {
    if (!text) return;
    const last = list[list.length - 1];
    if (last && last[0] === op) last[1] += text;
    else list.push([op, text]);
  };
  const push = (op: -1 | 0 | 1, text: string): void => {
    add(ops, op, text);
    add(full, op, text);
  };
  /** Equal after folding, spelled differently: equal in ops, a pair in the full diff. */
  const pushScript = (d: string, p: string): void => {
    scripted = true;
    add(ops, 0, p);
    add(full, -1, d);
    add(full, 1, p);
  };
  // Original slice owned by normalised [a, b): up to the next char's original start (or the
  // passage's original end), so consecutive slices tile the passage with nothing lost.
  const slice = (side: Side, a: number, b: number): string => {
    const n = side.n;
    const to = b < side.end ? n.starts[b]! : n.ends[side.end - 1]!;
    return n.original.slice(n.starts[a]!, to);
  };
  const emitEqual = (a: number, b: number, pa: number, pb: number, fine: boolean): void => {
    const d = slice(doc, a, b);
    const p = slice(page, pa, pb);
    equal += b - a;
    if (d === p) push(0, p);
    else if (fine && b - a > 1) {
      // Same after normalisation, spelled differently (script, width): compare character by
      // character, keeping runs of equal and of differing characters together (a clause of
      // Traditional text is one pair per converted stretch, never a segmenter pass).
      let x = a;
      while (x < b) {
        const same = slice(doc, x, x + 1) === slice(page, pa + (x - a), pa + (x - a) + 1);
        let y = x + 1;
        while (y < b && (slice(doc, y, y + 1) === slice(page, pa + (y - a), pa + (y - a) + 1)) === same) y++;
        const dd = slice(doc, x, y);
        const pp = slice(page, pa + (x - a), pa + (y - a));
        if (same) push(0, pp);
        else pushScript(dd, pp);
        x = y;
      }
    } else pushScript(d, p);
  };

  const diffLevel = (da: number, db: number, pa: number, pb: number, words: boolean): void => {
    const dText = doc.n.text;
    const pText = page.n.text;
    const du = words ? charUnits(da, db) : clauseUnits(dText, da, db);
    const pu = words ? charUnits(pa, pb) : clauseUnits(pText, pa, pb);
    const codes = new Map<string, string>();
    const a = encode(dText, du, codes);
    const b = encode(pText, pu, codes);
    const dmp = new DiffMatchPatch();
    dmp.Diff_Timeout = 0;
    const diffs = dmp.diff_main(a, b, false);
    if (words) dmp.diff_cleanupSemantic(diffs);
    let di = 0;
    let pi = 0;
    let k = 0;
    while (k < diffs.length) {
      const [op, s] = diffs[k]!;
      if (op === 0) {
        for (let t = 0; t < s.length; t++) {
          const d = du[di++]!;
          const p = pu[pi++]!;
          emitEqual(d[0], d[1], p[0], p[1], !words);
        }
        k++;
        continue;
      }
      // A block of deletions/insertions between two equal stretches.
      let dn = 0;
      let pn = 0;
      while (k < diffs.length && diffs[k]![0] !== 0) {
        if (diffs[k]![0] === -1) dn += diffs[k]![1].length;
        else pn += diffs[k]![1].length;
        k++;
      }
      const dFrom = du[di]?.[0] ?? db;
      const dTo = dn ? du[di + dn - 1]![1] : dFrom;
      const pFrom = pu[pi]?.[0] ?? pb;
      const pTo = pn ? pu[pi + pn - 1]![1] : pFrom;
      di += dn;
      pi += pn;
      if (!words && dn && pn) diffLevel(dFrom, dTo, pFrom, pTo, true);
      else {
        if (dn) push(-1, slice(doc, dFrom, dTo));
        if (pn) push(1, slice(page, pFrom, pTo));
      }
    }
  };

  diffLevel(doc.start, doc.end, page.start, page.end, false);
  const total = doc.end - doc.start + (page.end - page.start);
  const similarity = total === 0 ? 1 : (2 * equal) / total;
  return scripted ? { ops, scriptOps: full, similarity } : { ops, similarity };
}
