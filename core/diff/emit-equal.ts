// A stretch equal after folding, written in the page's own characters: identical originals are
// one equal op; originals spelled differently become script-only pairs (see diff-output).
import { type DiffOutput, type Side, push, pushScript, slice } from './diff-output';

export function emitEqual(
  out: DiffOutput,
  doc: Side,
  page: Side,
  [a, b]: [number, number],
  [pa, pb]: [number, number],
  fine: boolean,
): void {
  const d = slice(doc, a, b);
  const p = slice(page, pa, pb);
  out.equal += b - a;
  if (d === p) push(out, 0, p);
  else if (fine && b - a > 1) {
    // Same after normalisation, spelled differently (script, width): compare character by
    // character, keeping runs of equal and of differing characters together (a clause of
    // Traditional text is one pair per converted stretch, never a segmenter pass).
    const sameAt = (x: number) => slice(doc, x, x + 1) === slice(page, pa + (x - a), pa + (x - a) + 1);
    let x = a;
    while (x < b) {
      const same = sameAt(x);
      let y = x + 1;
      while (y < b && sameAt(y) === same) y++;
      const dd = slice(doc, x, y);
      const pp = slice(page, pa + (x - a), pa + (y - a));
      if (same) push(out, 0, pp);
      else pushScript(out, dd, pp);
      x = y;
    }
  } else pushScript(out, d, p);
}
