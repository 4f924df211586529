// The headline finding, above the passages: what the copier forgot to change (the source's place,
// officials, year) and unfilled template slots. One card per particular (西宁 kept twice is one
// card with two places), names first, template slots gathered by kind of slot with a count, so a
// template's dozens of XX do not bury the names. Each card reveals its spans on the page.
import { groupLeftovers, type LeftoverGroup } from '../../core/evidence/leftover-groups';
import type { PageAnalysis } from '../../core/model/page';
import type { Leftover } from '../../core/model/types';
import { useI18n } from '../i18n/i18n';

/** Occurrences past this many are reached through the card's first button and the page itself. */
const MAX_JUMPS = 12;

export function LeftoverList(props: { analysis: PageAnalysis; onReveal: (l: Leftover) => void }) {
  const { t } = useI18n();
  const { match } = props.analysis;
  const all = match.leftovers ?? [];
  const groups = groupLeftovers(all);
  return (
    <section class="leftovers" aria-label={t.leftoversTitle}>
      {match.selfCopies && match.selfCopies.length > 0 && <p class="saved-note">{t.savedInCorpus}</p>}
      {(match.date || match.place) && <p class="page-facts">{t.pageFacts(match.date ?? '—', match.place ?? '—')}</p>}
      {groups.length > 0 && (
        <>
          <h3>{t.leftoversCount(all.length)}</h3>
          <ul>
            {groups.map((g) => (
              <LeftoverCard key={`${g.kind}:${g.slot ?? ''}:${g.items[0]!.start}`} g={g} {...props} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LeftoverCard(props: { g: LeftoverGroup; analysis: PageAnalysis; onReveal: (l: Leftover) => void }) {
  const { t } = useI18n();
  const { g } = props;
  const slot = g.kind === 'placeholder';
  const label = slot ? t.slotKind[g.slot ?? 'mark'] : t.leftoverKind[g.kind];
  const shown = g.texts.slice(0, 4).join(' ') + (g.texts.length > 4 ? ' …' : '');
  return (
    <li class={`leftover leftover-${g.kind}`} data-count={g.items.length}>
      <button type="button" onClick={() => props.onReveal(g.items[0]!)}>
        <span class="leftover-text">{shown}</span>
        <span class="leftover-kind">{label}</span>
        <span class="leftover-count">{t.leftoverTimes(g.items.length)}</span>
      </button>
      <div class="leftover-why">
        {slot ? t.leftoverPlaceholder : t.leftoverEvidence(g.texts[0]!, g.pageUses ?? '—')}
        {g.docId && <span class="leftover-source"> · {props.analysis.docs[g.docId]?.title ?? g.docId}</span>}
      </div>
      {g.items.length > 1 && (
        <div class="leftover-jumps">
          {g.items.slice(0, MAX_JUMPS).map((l, i) => (
            <button
              type="button"
              key={l.start}
              class="leftover-jump"
              aria-label={t.leftoverGoTo(i + 1, l.text)}
              title={l.text}
              onClick={() => props.onReveal(l)}
            >
              {i + 1}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
