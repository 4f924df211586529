// Does a name found in text start a word there? The gazetteer matches characters, and Chinese runs
// words together: 示范县 holds 范县, 顺应城市 holds 应城市, 航天等 holds 天等(县). A name is taken
// only where the text's word segmentation (Intl.Segmenter, as the diff uses) starts a word. Its
// end is not checked: a place's short form is often unknown to the segmenter and glued to the next
// character (湟|中等县, 京|山地处), so an end test would drop real names.
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** Characters of context before the name that the segmenter sees. */
const CONTEXT = 8;

export function startsWord(text: string, start: number, end: number): boolean {
  if (!segmenter || start === 0) return true;
  const from = Math.max(0, start - CONTEXT);
  for (const s of segmenter.segment(text.slice(from, end))) {
    const at = from + s.index;
    if (at === start) return true;
    if (at > start) return false;
  }
  return false;
}
