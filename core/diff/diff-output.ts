// Where the diff is written: both op lists at once (ops with script-only differences equal, full
// with them as pairs), plus the counts the similarity needs. Kept apart so each pass only says
// what it found, not how the two lists differ.
import type { DiffOp } from '../model/types';
import type { NormalizedText } from '../text/normalize';

export interface Side {
  n: NormalizedText;
  /** Normalised span. */
  start: number;
  end: number;
}

export interface DiffOutput {
  ops: DiffOp[];
  full: DiffOp[];
  /** Whether any script-only difference was written (only then is `full` returned). */
  scripted: boolean;
  /** Equal normalised characters on the doc side. */
  equal: number;
}

export function newOutput(): DiffOutput {
  return { ops: [], full: [], scripted: false, equal: 0 };
}

function add(list: DiffOp[], op: -1 | 0 | 1, text: string): void {
  if (!text) return;
  const last = list[list.length - 1];
  if (last && last[0] === op) last[1] += text;
  else list.push([op, text]);
}

export function push(out: DiffOutput, op: -1 | 0 | 1, text: string): void {
  add(out.ops, op, text);
  add(out.full, op, text);
}

/** Equal after folding, spelled differently: equal in ops, a pair in the full diff. */
export function pushScript(out: DiffOutput, d: string, p: string): void {
  out.scripted = true;
  add(out.ops, 0, p);
  add(out.full, -1, d);
  add(out.full, 1, p);
}

// Original slice owned by normalised [a, b): up to the next char's original start (or the
// passage's original end), so consecutive slices tile the passage with nothing lost.
export function slice(side: Side, a: number, b: number): string {
  const n = side.n;
  const to = b < side.end ? n.starts[b]! : n.ends[side.end - 1]!;
  return n.original.slice(n.starts[a]!, to);
}
