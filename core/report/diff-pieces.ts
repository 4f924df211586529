// Groups a word diff into what a reader scans for: unchanged text, deletions, insertions, and
// substitutions (a deletion next to an insertion), which is how swapped names and numbers show.
import type { DiffOp } from '../model/types';

export type DiffPiece =
  | { kind: 'equal'; text: string }
  | { kind: 'del'; text: string }
  | { kind: 'ins'; text: string }
  | { kind: 'sub'; from: string; to: string };

/** Substitutions longer than this read better as a plain deletion and insertion. */
export const MAX_CHIP_LENGTH = 16;

const ink = (s: string) => s.replace(/\s/g, '');

/** Differences in line breaks and spaces only are layout, not wording: they are shown as unchanged
 *  (the page's version) so they never produce empty-looking chips. */
export function diffPieces(diff: readonly DiffOp[]): DiffPiece[] {
  const pieces: DiffPiece[] = [];
  const equal = (text: string) => {
    if (text !== '') pieces.push({ kind: 'equal', text });
  };
  for (let i = 0; i < diff.length; i++) {
    const [op, text] = diff[i]!;
    if (text === '') continue;
    if (op === 0 || ink(text) === '') {
      if (op !== -1) equal(text);
      continue;
    }
    const next = diff[i + 1];
    if (next && next[0] === -op && next[1] !== '') {
      const from = op === -1 ? text : next[1];
      const to = op === -1 ? next[1] : text;
      i++;
      if (ink(from) === ink(to)) {
        equal(to);
        continue;
      }
      if (from.length <= MAX_CHIP_LENGTH && to.length <= MAX_CHIP_LENGTH) {
        pieces.push({ kind: 'sub', from, to });
      } else {
        pieces.push({ kind: 'del', text: from }, { kind: 'ins', text: to });
      }
      continue;
    }
    pieces.push({ kind: op === -1 ? 'del' : 'ins', text });
  }
  return pieces;
}

export function isLayoutOnly(text: string): boolean {
  return ink(text) === '';
}
