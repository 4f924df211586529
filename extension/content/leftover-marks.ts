// Leftovers on the page: each a particular of the source the copier forgot to change (its place,
// an official, its year) or an unfilled template slot. Their page-text offsets map to DOM ranges
// the way the reuse highlights' do; each carries the hover card's info: the passage holding it (a
// click shows that passage in the panel) and the title of the source it came from.
import type { Slicer } from '../../core/extract/slices';
import type { PageAnalysis } from '../../core/model/page';
import type { HitTarget } from './hit-test';
import type { CardInfo } from './hover-card';
import { spansToRanges, type RangeOf } from './ranges';

export async function leftoverTargets(
  text: string,
  analysis: PageAnalysis,
  rangeOf: RangeOf,
  slice?: Slicer,
): Promise<HitTarget<CardInfo>[]> {
  const { match, docs } = analysis;
  return (await spansToRanges(text, match.leftovers ?? [], rangeOf, slice)).map(({ item: l, ranges }) => {
    // A placeholder may sit outside every passage: its card then opens nothing.
    const passageIndex = match.passages.findIndex((p) => p.start <= l.start && l.end <= p.end);
    const passage = match.passages[passageIndex];
    const docId = l.docId ?? passage?.docId;
    const title = docId ? (docs[docId]?.title ?? docId) : '';
    return { ranges, item: { passageIndex, title, similarity: passage?.similarity ?? 0, leftover: l } };
  });
}
