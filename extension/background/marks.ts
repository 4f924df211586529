// Performance marks of the worker's start and of each page's analysis (User Timing, kept inside
// the worker), so `npm run bench:browser` can read over CDP where a cold page's time goes. A
// page's marks replace the previous page's: the buffer never grows with the pages analysed.

const PREFIX = 'suyuan:';
/** Marks of one page's analysis (cleared when the next page starts). */
const PAGE = `${PREFIX}page:`;

const perf = (): Performance | undefined => (typeof performance === 'undefined' ? undefined : performance);

/** Marks a step of the worker's start (engine loading), once per worker. */
export function startMark(name: string): void {
  perf()?.mark(`${PREFIX}${name}`);
}

/** Marks a step of a page's analysis; `first` starts a new page (the last page's marks go). */
export function pageMark(name: string, first = false): void {
  const p = perf();
  if (!p) return;
  if (first) for (const m of p.getEntriesByType('mark')) if (m.name.startsWith(PAGE)) p.clearMarks(m.name);
  p.mark(`${PAGE}${name}`);
}
