// Which came first, at the precision both dates share ("2021" vs "2022-05": the year decides).
import type { MatchResult } from '../model/types';

/** True when the page is dated before the source (then the page may be the original). */
export function pageOlderThan(pageDate: string | null | undefined, sourceDate: string | null | undefined): boolean {
  if (!pageDate || !sourceDate) return false;
  const k = Math.min(pageDate.length, sourceDate.length);
  return pageDate.slice(0, k) < sourceDate.slice(0, k);
}

/** The closest source of a page: the best-ranked candidate with passages. */
export function closestSource(match: Pick<MatchResult, 'candidates' | 'passages'>): string | null {
  return match.candidates.find((c) => match.passages.some((p) => p.docId === c.id))?.id ?? null;
}

/** The closest source when the page is dated before it (the page may be the original), else null.
 *  The panel and the report show this; the CLI applies pageOlderThan to each passage's source. */
export function olderThanClosestSource(
  match: Pick<MatchResult, 'candidates' | 'passages' | 'date'>,
  dateOf: (id: string) => string | undefined,
): { docId: string; date: string } | null {
  const id = closestSource(match);
  const date = id ? dateOf(id) : undefined;
  return id && date && pageOlderThan(match.date, date) ? { docId: id, date } : null;
}
