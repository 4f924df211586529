// The inverse of toOriginal, kept as a test oracle: the product maps original offsets back only
// through the page's own normalisation, so nothing outside the tests needs it.
import type { NormalizedText } from '../../../core/text/normalize';

/** The smallest normalised span whose characters come from inside-or-overlapping the original span
 *  [start, end): lets a selection or a DOM range be looked up in normalised text. */
export function fromOriginal(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const len = n.text.length;
  // First normalised char whose original span ends after `start`.
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n.ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = lo;
  // First normalised char whose original span starts at or after `end`.
  hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n.starts[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return { start: s, end: Math.max(s, lo) };
}
