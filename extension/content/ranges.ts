// Page-text spans → DOM Ranges. A span is cut at paragraph breaks ('\n' in the extracted text) so
// each Range stays inside one block and never sweeps up page furniture between paragraphs.

import type { Slicer } from '../../core/extract/slices';

export type RangeOf = (start: number, end: number) => Range | null;

/** Pieces of [start, end) of `text` between newlines, without empty or whitespace-only pieces. */
export function splitAtBreaks(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = Math.max(0, start);
  const stop = Math.min(text.length, end);
  while (a < stop) {
    const nl = text.indexOf('\n', a);
    const b = nl < 0 || nl >= stop ? stop : nl;
    let s = a;
    let e = b;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
    a = b + 1;
  }
  return out;
}

export interface SpanRanges<T> {
  item: T;
  /** The item's index in the spans given. */
  index: number;
  ranges: Range[];
}

/** Maps spans to ranges, at most `maxRanges` in all, so a pathological result stays cheap; with a
 *  slicer, the page gets its turn between slices (thousands of ranges take a while). */
export async function spansToRanges<T extends { start: number; end: number }>(
  text: string,
  spans: readonly T[],
  rangeOf: RangeOf,
  slice?: Slicer,
  maxRanges = 5000,
): Promise<SpanRanges<T>[]> {
  const out: SpanRanges<T>[] = [];
  let budget = maxRanges;
  for (let index = 0; index < spans.length && budget > 0; index++) {
    const item = spans[index]!;
    const ranges: Range[] = [];
    for (const [s, e] of splitAtBreaks(text, item.start, item.end)) {
      if (budget <= 0) break;
      const r = rangeOf(s, e);
      if (r && !r.collapsed) {
        ranges.push(r);
        budget--;
      }
      await slice?.pause();
    }
    if (ranges.length > 0) out.push({ item, index, ranges });
  }
  return out;
}
