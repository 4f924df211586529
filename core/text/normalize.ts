// The matching form of a text, with a map from every normalised character back to the original.
// Pipeline: per-character folding (NFKC, lower case, punctuation classes, whitespace removed) →
// Traditional→Simplified (OpenCC dictionaries, TW/HK variants included) → template placeholders
// to one WILDCARD. Each step carries original offsets, so a match found in normalised text
// highlights exactly the original characters it came from.
import { ASCII_FOLD, foldCodePoint } from './fold-char';
import { MappedText } from './mapped';
import { foldPlaceholders } from './placeholders';
import { t2sMapped } from './t2s';

export { WILDCARD } from './placeholders';
export { preloadT2S as preloadConverter, isT2SLoaded as isConverterLoaded } from './t2s';

export interface NormalizedText {
  /** The original text. */
  original: string;
  /** The normalised text used for matching. */
  text: string;
  /** starts[i]: original offset where normalised char i comes from. Length text.length + 1:
   *  starts[text.length] === original.length, a sentinel so empty spans at the end map cleanly. */
  starts: Uint32Array;
  /** ends[i]: original end offset (exclusive) of normalised char i; ends[text.length] === original.length. */
  ends: Uint32Array;
}

function foldChars(original: string): MappedText {
  const n = original.length;
  const out = new MappedText(n);
  for (let i = 0; i < n;) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      const f = ASCII_FOLD[c]!;
      if (f >= 0) out.push(f, i, i + 1);
      i++;
      continue;
    }
    // CJK Unified ideographs and Extension A are NFKC-stable and not punctuation.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      out.push(c, i, i + 1);
      i++;
      continue;
    }
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, i + w);
    i += w;
  }
  return out;
}

export function normalize(original: string): NormalizedText {
  const folded = foldPlaceholders(t2sMapped(foldChars(original)));
  const len = folded.length;
  const starts = new Uint32Array(len + 1);
  const ends = new Uint32Array(len + 1);
  starts.set(folded.starts.subarray(0, len));
  ends.set(folded.ends.subarray(0, len));
  starts[len] = original.length;
  ends[len] = original.length;
  return { original, text: folded.toString(), starts, ends };
}

/** Maps a normalised span [start, end) back to the original text's span (clamped to the text). */
export function toOriginal(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const len = n.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(0, Math.min(end, len));
  if (e <= s) {
    const at = n.starts[s]!;
    return { start: at, end: at };
  }
  return { start: n.starts[s]!, end: n.ends[e - 1]! };
}

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
