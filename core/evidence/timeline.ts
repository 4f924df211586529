// Who held the page's passages, and when: the page and every holder of its passages (the source,
// the origin, the other holders) by date, so a reader sees the template of 2019, the province of
// 2021 and this county's page of 2023 in order. Undated holders cannot be placed and are listed apart.
import type { DocMeta, MatchResult } from '../model/types';
import { byDate } from './provenance';

export interface TimelineEntry {
  /** null: the page itself. */
  docId: string | null;
  title: string;
  date?: string;
  place?: string;
  /** Indices (into match.passages) of the passages this document holds; for the page, all. */
  passages: number[];
  /** The earliest dated holder of at least one passage. */
  origin: boolean;
  /** The matched source of at least one passage. */
  source: boolean;
}

export interface Timeline {
  dated: TimelineEntry[];
  undated: TimelineEntry[];
}

type Meta = (id: string) => Pick<DocMeta, 'title' | 'date' | 'place'> | undefined;

function holdersOf(match: MatchResult): Map<string, TimelineEntry> {
  const out = new Map<string, TimelineEntry>();
  const entry = (id: string): TimelineEntry => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { docId: id, title: id, passages: [], origin: false, source: false }));
    return e;
  };
  match.passages.forEach((p, i) => {
    const ids = new Set([p.docId, ...(p.origin ? [p.origin.docId] : []), ...(p.alsoIn ?? []), ...(p.holders ?? [])]);
    for (const id of ids) entry(id).passages.push(i);
    entry(p.docId).source = true;
    if (p.origin) entry(p.origin.docId).origin = true;
  });
  return out;
}

export function buildTimeline(match: MatchResult, page: { title: string }, metaOf: Meta): Timeline {
  const entries = [...holdersOf(match).values()].map((e) => {
    const m = metaOf(e.docId!);
    const title = m?.title ?? match.candidates.find((c) => c.id === e.docId)?.title ?? e.docId!;
    return { ...e, title, ...(m?.date ? { date: m.date } : {}), ...(m?.place ? { place: m.place } : {}) };
  });
  const self: TimelineEntry = {
    docId: null,
    title: page.title,
    ...(match.date ? { date: match.date } : {}),
    ...(match.place ? { place: match.place } : {}),
    passages: match.passages.map((_, i) => i),
    origin: false,
    source: false,
  };
  // Holders first at equal dates: a page dated the day its source was is taken to follow it.
  const dated = [...entries.filter((e) => e.date), ...(self.date ? [self] : [])].sort((a, b) => byDate(a.date, b.date));
  const undated = [...(self.date ? [] : [self]), ...entries.filter((e) => !e.date)];
  return { dated, undated };
}
