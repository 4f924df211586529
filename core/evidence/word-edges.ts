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

/** The commonest words of official texts. A short name whose last character begins one of them
 *  (驻辽中央: 辽中; 在发展中固安全: 固安) is read as that word; other words glued to a name's end are
 *  too often the segmenter not knowing the name (湟中等县) to count against it. */
const COMMON = new Set(
  '中央,安全,全面,国家,发展,建设,工作,人民,经济,社会,政府,企业,生态,城市,农村,文化,服务,管理,治理,改革,创新,产业,市场,项目,同志,领导'.split(
    ',',
  ),
);

/** Does the name end where a common word does not run on past it? */
export function endsFreely(text: string, start: number, end: number): boolean {
  if (!segmenter) return true;
  const base = Math.max(0, start - CONTEXT);
  for (const s of segmenter.segment(text.slice(base, end + 3))) {
    const from = base + s.index;
    if (from < end && from + s.segment.length > end) return !COMMON.has(s.segment);
  }
  return true;
}
