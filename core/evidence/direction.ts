// Which came first, at the precision both dates share ("2021" vs "2022-05": the year decides).

/** True when the page is dated before the source (then the page may be the original). */
export function pageOlderThan(pageDate: string | null | undefined, sourceDate: string | null | undefined): boolean {
  if (!pageDate || !sourceDate) return false;
  const k = Math.min(pageDate.length, sourceDate.length);
  return pageDate.slice(0, k) < sourceDate.slice(0, k);
}
