// The page's formulaic phrases (提法), most widely used first; each opens a corpus lookup.
import type { BoilerplateSpan } from '../../core/model/types';
import { EmptyState } from '../empty-state';
import { useI18n } from '../i18n/i18n';
import type { TabAnalysis } from '../use-tab-analysis';

export interface PhraseRow {
  phrase: string;
  docFreq: number;
  onPage: number;
}

/** One row per distinct phrase, ranked by corpus use × length (a long formula held widely first),
 *  then by use on the page. */
export function phraseRows(spans: readonly BoilerplateSpan[]): PhraseRow[] {
  const rows = new Map<string, PhraseRow>();
  for (const s of spans) {
    const row = rows.get(s.phrase);
    if (row) {
      row.onPage++;
      row.docFreq = Math.max(row.docFreq, s.docFreq);
    } else rows.set(s.phrase, { phrase: s.phrase, docFreq: s.docFreq, onPage: 1 });
  }
  const weight = (r: PhraseRow) => r.docFreq * r.phrase.length;
  return [...rows.values()].sort((a, b) => weight(b) - weight(a) || b.onPage - a.onPage);
}

export function BoilerplateView(props: { state: TabAnalysis; onLookup: (phrase: string) => void }) {
  const { t } = useI18n();
  const { state } = props;
  if (state.status === 'no-tab') return <EmptyState>{t.noTab}</EmptyState>;
  if (state.status === 'loading') return <EmptyState>{t.loading}</EmptyState>;
  if (state.status === 'error') return <EmptyState role="alert">{t.errorPrefix + state.message}</EmptyState>;
  if (!state.analysis) return <EmptyState>{t.pending}</EmptyState>;
  const rows = phraseRows(state.analysis.boilerplate);
  if (rows.length === 0) return <EmptyState>{t.noBoilerplate}</EmptyState>;
  const max = Math.max(...rows.map((r) => r.docFreq), 1);
  return (
    <section class="boilerplate">
      <p class="meta">{t.boilerplateIntro}</p>
      <ul class="phrases">
        {rows.map((r) => (
          <li key={r.phrase}>
            <button
              type="button"
              class="phrase"
              aria-label={t.lookupPhrase(r.phrase)}
              onClick={() => props.onLookup(r.phrase)}
            >
              <span class="phrase-text">{r.phrase}</span>
              <span class="meta">
                {t.docFreq(r.docFreq)} · {t.onPageTimes(r.onPage)}
              </span>
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${(r.docFreq / max) * 100}%` }} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
