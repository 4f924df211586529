// PLACEHOLDER implementation (whitespace removal only) so other modules can build against the
// signature; the text-core work replaces the body with the full normalisation pipeline.

export interface NormalizedText {
  /** The original text. */
  original: string;
  /** The normalised text used for matching. */
  text: string;
  /** starts[i]: original offset where normalised char i comes from; length text.length + 1,
   *  with starts[text.length] === original.length... see toOriginal. */
  starts: Uint32Array;
  /** ends[i]: original end offset (exclusive) of normalised char i. */
  ends: Uint32Array;
}

export function normalize(original: string): NormalizedText {
  let text = '';
  const s: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    if (/\s/.test(c)) continue;
    text += c;
    s.push(i);
    e.push(i + 1);
  }
  return { original, text, starts: Uint32Array.from(s), ends: Uint32Array.from(e) };
}

/** Maps a normalised span [start, end) back to the original text's span. */
export function toOriginal(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.text.length ? n.starts[start]! : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}
