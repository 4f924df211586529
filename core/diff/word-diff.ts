// Word-level diff of an aligned passage, in two passes: clauses first (split after punctuation),
// each clause mapped to one character (the diff_linesToChars_ idea); only clauses that differ are
// diffed again by characters, cleaned up semantically so a changed word comes out whole. The diff
// runs on the folded forms and comes out in ORIGINAL characters: text equal after folding but
// spelled differently (Traditional vs Simplified, full/half width) is equal text in the page's
// characters (one language: a Traditional copy with no edits has no change), and a -1/+1 pair
// only in scriptOps, shown on request, which rebuilds both originals exactly.
import type { DiffOp } from '../model/types';
import { diffLevel } from './diff-level';
import { newOutput, type Side } from './diff-output';

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
  const out = newOutput();
  diffLevel({ out, doc, page }, doc.start, doc.end, page.start, page.end, false);
  const total = doc.end - doc.start + (page.end - page.start);
  const similarity = total === 0 ? 1 : (2 * out.equal) / total;
  return out.scripted ? { ops: out.ops, scriptOps: out.full, similarity } : { ops: out.ops, similarity };
}
