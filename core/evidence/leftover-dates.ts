// Years of the source's time left in copied text: a 2026 page saying "今年是2023年" because its
// 2023 source did. Only years near the source's own date (a year before to a year after: last
// year's results, this year's plans) and far from the page's own date count; a history year
// (2020年全面建成小康社会) or a figure (14亿多) is never one.
import type { Leftover } from '../model/types';
import { findDates } from './chinese-date';
import type { Range } from './diff-segments';

const yearOf = (iso: string | null | undefined): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** "今年是2023年", "本年度": the year is named as the speaker's present. */
const PRESENT_BEFORE = /(?:今年|本年|当年|今年是|本年度是)\s*$/;

export function dateLeftovers(
  text: string,
  ranges: Range[],
  pageDate: string | null,
  sourceDate: (docId: string) => string | null,
): Leftover[] {
  const pageYear = yearOf(pageDate);
  if (pageYear === null) return [];
  const out: Leftover[] = [];
  for (const r of ranges) {
    const srcDate = sourceDate(r.docId);
    const srcYear = yearOf(srcDate);
    if (srcYear === null || srcYear === pageYear) continue;
    const slice = text.slice(r.start, r.end);
    for (const d of findDates(slice)) {
      const year = Number(d.iso.slice(0, 4));
      const present = PRESENT_BEFORE.test(text.slice(Math.max(0, r.start + d.index - 5), r.start + d.index));
      const sourceTime = Math.abs(year - srcYear) <= 1 && Math.abs(year - pageYear) > 1;
      if (!(sourceTime || (present && year === srcYear))) continue;
      const start = r.start + d.index;
      const written = text.slice(start, start + d.length);
      out.push({
        start,
        end: start + d.length,
        text: written,
        kind: 'date',
        docId: r.docId,
        evidence: `来源（${srcDate}）写作 ${written}；本页日期为 ${pageDate}`,
        pageUses: pageDate!,
      });
    }
  }
  return out;
}
