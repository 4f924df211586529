// The report's evidence: leftovers first (the headline finding, grouped as the panel groups them),
// the page-older warning, and the timeline of the page and every holder of its passages. Every
// piece of page or corpus text is escaped.
import { olderThanClosestSource } from '../evidence/direction';
import { groupLeftovers, type LeftoverGroup } from '../evidence/leftover-groups';
import { buildTimeline, type TimelineEntry } from '../evidence/timeline';
import type { PageAnalysis } from '../model/page';
import type { DocMeta } from '../model/types';
import type { EvidenceLabels } from './evidence-labels';
import { escapeHtml as esc } from './escape-html';
import type { ReportLabels } from './report-labels';

export const EVIDENCE_CSS = `
.leftover td:first-child{font-weight:700;text-decoration:underline wavy #dc2626}
.warn{border-left:3px solid #d97706;background:#fff8db;padding:6px 10px}
.tl .page td{font-weight:700;background:#fdecec}
`;

type MetaOf = (id: string) => DocMeta | undefined;

/** Positions past this many are summed up with an ellipsis. */
const MAX_WHERE = 8;

export function leftoversSection(a: PageAnalysis, metaOf: MetaOf, E: EvidenceLabels): string {
  const { match } = a;
  const facts =
    match.date || match.place ? `<p class="meta">${esc(E.pageFacts(match.date ?? '—', match.place ?? '—'))}</p>` : '';
  const groups = groupLeftovers(match.leftovers ?? []);
  const head = `<h2>${esc(E.leftovers)}</h2>${facts}`;
  if (groups.length === 0) return `${head}<p>${esc(E.noLeftovers)}</p>`;
  const rows = groups.map((g) => leftoverRow(g, metaOf, E));
  return `${head}<p class="meta">${esc(E.leftoversNote)}</p><table><thead><tr><th>${esc(E.particular)}</th><th>${esc(
    E.kind,
  )}</th><th>${esc(E.times)}</th><th>${esc(E.why)}</th><th>${esc(E.where)}</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function leftoverRow(g: LeftoverGroup, metaOf: MetaOf, E: EvidenceLabels): string {
  const kind = g.kind === 'placeholder' ? E.slots[g.slot ?? 'mark'] : E.kinds[g.kind];
  const source = g.docId ? ` · ${metaOf(g.docId)?.title ?? g.docId}` : '';
  const why = g.kind === 'placeholder' ? E.slotWhy : E.evidence(g.texts[0]!, g.pageUses ?? '—') + source;
  const where =
    g.items
      .slice(0, MAX_WHERE)
      .map((l) => `${l.start}–${l.end}`)
      .join(', ') + (g.items.length > MAX_WHERE ? ', …' : '');
  return `<tr class="leftover"><td>${esc(g.texts.slice(0, 6).join(' '))}</td><td>${esc(kind)}</td><td>${
    g.items.length
  }</td><td>${esc(why)}</td><td>${esc(where)}</td></tr>`;
}

export function pageOlderNote(a: PageAnalysis, metaOf: MetaOf, E: EvidenceLabels): string {
  const older = olderThanClosestSource(a.match, (id) => metaOf(id)?.date);
  if (!older) return '';
  const title = metaOf(older.docId)?.title ?? older.docId;
  return `<p class="warn"><b>${esc(E.pageOlder)}</b> ${esc(E.pageOlderDetail(title, older.date, a.match.date!))}</p>`;
}

export function timelineSection(
  a: PageAnalysis,
  metaOf: MetaOf,
  E: EvidenceLabels,
  L: Pick<ReportLabels, 'date' | 'docTitle' | 'place'>,
): string {
  if (a.match.passages.length === 0) return '';
  const tl = buildTimeline(a.match, a.page, metaOf);
  const row = (e: TimelineEntry) => {
    const role = [e.origin ? E.origin : '', e.source ? E.source : ''].filter(Boolean).join(' · ');
    const title = e.docId === null ? `${E.thisPage}: ${e.title}` : e.title;
    return `<tr${e.docId === null ? ' class="page"' : ''}><td>${esc(e.date ?? '—')}</td><td>${esc(title)}</td><td>${esc(
      e.place ?? '',
    )}</td><td>${esc(role)}</td><td>${e.docId === null ? '' : e.passages.length}</td></tr>`;
  };
  const table = (entries: TimelineEntry[]) =>
    `<table class="tl"><thead><tr><th>${esc(L.date)}</th><th>${esc(L.docTitle)}</th><th>${esc(L.place)}</th><th>${esc(
      E.role,
    )}</th><th>${esc(E.holds)}</th></tr></thead><tbody>${entries.map(row).join('')}</tbody></table>`;
  const undated = tl.undated.length > 0 ? `<h3>${esc(E.undated)}</h3>${table(tl.undated)}` : '';
  return `<h2>${esc(E.timeline)}</h2><p class="meta">${esc(E.timelineNote)}</p>${table(tl.dated)}${undated}`;
}
