// Snapping spans to word boundaries. Formula spans come from fixed-length character grams, which
// start and stop mid-word ("实科学发展观", "高举中国特色社会主义伟"); a person reads words, so the
// reported phrase keeps only whole words and drops punctuation at its edges.

/** Characters of context either side that let the segmenter see the words at the edges. */
const CONTEXT = 8;
const EDGE_JUNK = /[\s\p{P}\p{S}]/u;

let segmenter: Intl.Segmenter | null = null;
function words(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** The largest sub-span of [start, end) that begins and ends on word boundaries of `text`,
 *  without punctuation or spaces at either edge; null when nothing is left. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  let s = -1;
  let e = -1;
  for (const seg of words().segment(text.slice(from, to))) {
    const a = from + seg.index;
    const b = a + seg.segment.length;
    if (a >= start && s < 0) s = a;
    if (b <= end) e = b;
  }
  if (s < 0 || e <= s) return null;
  while (s < e && EDGE_JUNK.test(text[s]!)) s++;
  while (e > s && EDGE_JUNK.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}
