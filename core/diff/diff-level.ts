// One pass of the word diff over a doc span and a page span: clauses on the first pass, then
// characters inside each pair of differing clauses (the second pass is this same function).
import DiffMatchPatch from 'diff-match-patch';
import { type DiffOutput, type Side, push, slice } from './diff-output';
import { charUnits, clauseUnits, encode, type Unit } from './diff-units';
import { emitEqual } from './emit-equal';

interface Pass {
  out: DiffOutput;
  doc: Side;
  page: Side;
}

function unitDiff(pass: Pass, du: Unit[], pu: Unit[], words: boolean) {
  const codes = new Map<string, string>();
  const a = encode(pass.doc.n.text, du, codes);
  const b = encode(pass.page.n.text, pu, codes);
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(a, b, false);
  if (words) dmp.diff_cleanupSemantic(diffs);
  return diffs;
}

export function diffLevel(pass: Pass, da: number, db: number, pa: number, pb: number, words: boolean): void {
  const { out, doc, page } = pass;
  const du = words ? charUnits(da, db) : clauseUnits(doc.n.text, da, db);
  const pu = words ? charUnits(pa, pb) : clauseUnits(page.n.text, pa, pb);
  const diffs = unitDiff(pass, du, pu, words);
  let di = 0;
  let pi = 0;
  let k = 0;
  while (k < diffs.length) {
    const [op, s] = diffs[k]!;
    if (op === 0) {
      for (let t = 0; t < s.length; t++) emitEqual(out, doc, page, du[di++]!, pu[pi++]!, !words);
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
    if (!words && dn && pn) diffLevel(pass, dFrom, dTo, pFrom, pTo, true);
    else {
      if (dn) push(out, -1, slice(doc, dFrom, dTo));
      if (pn) push(out, 1, slice(page, pFrom, pTo));
    }
  }
}
