// The timeline of the page's passages: the page and every document holding them (its source, the
// earliest holder, the others), by date and place, the page itself marked; undated holders apart.
// A click on a holder does what a click on a passage does: a source's passage is selected and shown
// on the page; a holder that is nobody's matched source opens in the reader.
import { olderThanClosestSource } from '../../core/evidence/direction';
import { buildTimeline, type TimelineEntry } from '../../core/evidence/timeline';
import type { PageAnalysis } from '../../core/model/page';
import { metaLine } from '../format';
import { useI18n } from '../i18n/i18n';

export function TimelineView(props: {
  analysis: PageAnalysis;
  colours: Map<string, string>;
  onSelectPassage: (index: number) => void;
  onOpenDoc: (docId: string) => void;
}) {
  const { t } = useI18n();
  const { analysis } = props;
  if (analysis.match.passages.length === 0) return null;
  const tl = buildTimeline(analysis.match, analysis.page, (id) => analysis.docs[id]);
  const open = (e: TimelineEntry) => {
    const own = analysis.match.passages.findIndex((p) => p.docId === e.docId);
    if (own >= 0) props.onSelectPassage(own);
    else if (e.docId) props.onOpenDoc(e.docId);
  };
  const row = (e: TimelineEntry) => (
    <li key={e.docId ?? '(page)'} class={e.docId === null ? 'tl-entry tl-page' : 'tl-entry'}>
      <span class="tl-date">{e.date ?? '—'}</span>
      <span
        class="tl-dot"
        style={e.docId ? { background: props.colours.get(e.docId) } : undefined}
        aria-hidden="true"
      />
      <span class="tl-body">
        {e.docId === null ? (
          <span class="tl-title">
            <strong>{t.timelineThisPage}</strong> {e.title}
          </span>
        ) : (
          <button type="button" class="tl-title link" aria-label={t.timelineOpen(e.title)} onClick={() => open(e)}>
            {e.title}
          </button>
        )}
        <span class="meta">
          {metaLine(
            e.place,
            e.origin ? t.timelineOrigin : undefined,
            e.source ? t.timelineSource : undefined,
            e.docId ? t.timelineHolds(e.passages.length) : undefined,
          )}
        </span>
      </span>
    </li>
  );
  return (
    <section class="timeline" aria-label={t.timelineTitle}>
      <h2>{t.timelineTitle}</h2>
      <p class="meta">{t.timelineHelp}</p>
      <ol class="tl-dated">{tl.dated.map(row)}</ol>
      {tl.undated.length > 0 && (
        <>
          <h3>{t.timelineUndated}</h3>
          <ul class="tl-undated">{tl.undated.map(row)}</ul>
        </>
      )}
    </section>
  );
}

/** "本页早于该来源：可能是原稿", when core finds the page dated before its closest source. */
export function PageOlderWarning(props: { analysis: PageAnalysis }) {
  const { t } = useI18n();
  const { match, docs } = props.analysis;
  const older = olderThanClosestSource(match, (id) => docs[id]?.date);
  if (!older) return null;
  return (
    <div class="page-older" role="note">
      <strong>{t.pageOlder}</strong>{' '}
      {t.pageOlderDetail(docs[older.docId]?.title ?? older.docId, older.date, match.date!)}
    </div>
  );
}
