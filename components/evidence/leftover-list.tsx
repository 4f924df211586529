// The headline finding, above the passages: what the copier forgot to change (the source's place,
// officials, year) and unfilled template slots, each with what the source had and what the page
// writes elsewhere. A click shows the leftover on the page.
import type { PageAnalysis } from '../../core/model/page';
import type { Leftover } from '../../core/model/types';
import { useI18n } from '../i18n/i18n';

export function LeftoverList(props: { analysis: PageAnalysis; onReveal: (l: Leftover) => void }) {
  const { t } = useI18n();
  const { match, docs } = props.analysis;
  const all = match.leftovers ?? [];
  // Names first (they are the story), template slots after.
  const items = [...all.filter((l) => l.kind !== 'placeholder'), ...all.filter((l) => l.kind === 'placeholder')];
  return (
    <section class="leftovers" aria-label={t.leftoversTitle}>
      {match.selfCopies && match.selfCopies.length > 0 && <p class="saved-note">{t.savedInCorpus}</p>}
      {(match.date || match.place) && <p class="page-facts">{t.pageFacts(match.date ?? '—', match.place ?? '—')}</p>}
      {items.length > 0 && (
        <>
          <h3>{t.leftoversCount(items.length)}</h3>
          <ul>
            {items.map((l) => (
              <li key={`${l.start}:${l.end}`} class={`leftover leftover-${l.kind}`}>
                <button type="button" onClick={() => props.onReveal(l)}>
                  <span class="leftover-text">{l.text}</span>
                  <span class="leftover-kind">{t.leftoverKind[l.kind]}</span>
                </button>
                <div class="leftover-why">
                  {l.kind === 'placeholder' ? t.leftoverPlaceholder : t.leftoverEvidence(l.text, l.pageUses ?? '—')}
                  {l.docId && <span class="leftover-source"> · {docs[l.docId]?.title ?? l.docId}</span>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
