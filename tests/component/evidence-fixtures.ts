// A copied county page for the evidence views, analysed by the background's own analysePage over a
// real engine: seed 002 (西宁, 2022-09-29) copied into a 平乐县 speech with 西宁 left twice and
// template slots unfilled, plus two later reposts of the same text in the user's corpus (one dated,
// one not), so the timeline has dated and undated holders.
import { createEngine } from '../../core/engine';
import { DEFAULT_SETTINGS } from '../../core/model/settings';
import type { PageAnalysis } from '../../core/model/page';
import type { CorpusDoc } from '../../core/model/types';
import { analysePage } from '../../extension/background/service';
import { seeds } from '../fixtures/corpus';

export const SEED_002 = 'seeds/002_576c2e6f06f9add2.md';

/** Replaces the occurrences of `from` except those whose index (0-based) is in `keep`. */
function replaceExcept(text: string, from: string, to: string, keep: number[]): string {
  let k = 0;
  return text.replaceAll(from, (m) => (keep.includes(k++) ? m : to));
}

export function evidenceCorpus(): CorpusDoc[] {
  const all = seeds();
  const seed = all.find((d) => d.id === SEED_002)!;
  const repost = (id: string, title: string, date?: string): CorpusDoc => ({
    id,
    title,
    body: seed.body.slice(200, 2600),
    origin: 'user',
    ...(date ? { date, place: '海东市' } : {}),
  });
  return [
    ...all,
    repost('user/repost-2023.md', '海东市组织工作会议讲话', '2023-04-11'),
    repost('user/repost.md', '网友转载：组织部长讲话'),
  ];
}

/** The county page: title, a 发布时间 line with `date`, then seed 002 with 西宁 kept at `keep`. */
export function countyPageText(date: string, keep = [0, 2]): string {
  const seed = seeds().find((d) => d.id === SEED_002)!;
  const body = replaceExcept(seed.body, '西宁', '平乐', keep).replaceAll('全市', '全县').replaceAll('市委', '县委');
  return `在平乐县组织部长会议上的讲话\n发布时间：${date}\n${body}\n（XX同志、某某同志，×月×日前报县委组织部；联系电话：XX）`;
}

export async function countyAnalysis(date: string, docs = evidenceCorpus()): Promise<PageAnalysis> {
  const engine = createEngine(docs);
  const text = countyPageText(date);
  const page = {
    url: 'http://127.0.0.1/pingle/zzbz.html',
    title: '在平乐县组织部长会议上的讲话',
    text,
    detect: { speechLike: true, score: 0.95, script: 'simplified' as const, reasons: [] },
  };
  // Every body is in memory here: nothing to load, nothing missing.
  const holder = {
    loadBodies: async () => undefined,
    collectMissing: (fn: () => unknown) => {
      fn();
      return [];
    },
  };
  return analysePage(engine, holder, page, DEFAULT_SETTINGS, Date.UTC(2026, 11, 1));
}
