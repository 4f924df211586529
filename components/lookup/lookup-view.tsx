// Phrase lookup across the corpus: hits grouped by speech, each as a KWIC line that opens the
// speech in the reader at the hit.
import { useEffect, useState } from 'preact/hooks';
import type { LookupResult } from '../../core/model/types';
import { EmptyState } from '../empty-state';
import { errorText } from '../format';
import { useI18n } from '../i18n/i18n';
import { useService } from '../service-context';
import { useLatest } from '../use-latest';
import type { OpenDocRequest } from '../compare/compare-view';
import { groupHits, splitContext, type HitGroup } from './group-hits';

export const LOOKUP_LIMIT = 300;

export interface LookupRequest {
  query: string;
  /** Changes on every request, so the same phrase asked twice searches again. */
  nonce: number;
}

export function LookupView(props: { request: LookupRequest | null; onOpenDoc: (req: OpenDocRequest) => void }) {
  const { t } = useI18n();
  const service = useService();
  const [input, setInput] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useLatest(async (query: string) => {
    const q = query.trim();
    if (!q) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await service.lookup(q, LOOKUP_LIMIT));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  });

  useEffect(() => {
    if (!props.request) return;
    setInput(props.request.query);
    void run(props.request.query);
  }, [props.request, run]);

  const groups = result ? groupHits(result.hits) : [];
  return (
    <section class="lookup">
      <form
        role="search"
        class="search-row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(input);
        }}
      >
        <input
          type="search"
          aria-label={t.lookupLabel}
          placeholder={t.lookupPlaceholder}
          value={input}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {t.search}
        </button>
      </form>
      {busy && <EmptyState>{t.loading}</EmptyState>}
      {error && <EmptyState role="alert">{t.errorPrefix + error}</EmptyState>}
      {result && !busy && result.total === 0 && <EmptyState>{t.noHits}</EmptyState>}
      {result && result.total > 0 && (
        <p class="meta" role="status">
          {t.hitsTotal(result.total, result.docs)}
          {result.hits.length < result.total ? t.hitsShown(result.hits.length) : ''}
        </p>
      )}
      {groups.map((g) => (
        <HitGroupView key={g.docId} group={g} query={result?.query ?? input} onOpenDoc={props.onOpenDoc} />
      ))}
    </section>
  );
}

/** One document's hits, each a line of context (KWIC) that opens the document there. */
function HitGroupView(props: { group: HitGroup; query: string; onOpenDoc: (req: OpenDocRequest) => void }) {
  const { t } = useI18n();
  const g = props.group;
  return (
    <section class="hit-group" aria-label={g.title}>
      <header>
        <h3>{g.title}</h3>
        <span class="count">{t.hitsInDoc(g.hits.length)}</span>
        <button type="button" class="link" onClick={() => props.onOpenDoc({ docId: g.docId })}>
          {t.openDoc}
        </button>
      </header>
      <ul class="kwic">
        {g.hits.map((h) => {
          const [before, hit, after] = splitContext(h, props.query);
          return (
            <li key={h.start}>
              <button
                type="button"
                class="kwic-line"
                title={t.openHit}
                onClick={() => props.onOpenDoc({ docId: h.docId, start: h.start, end: h.end })}
              >
                <span class="kwic-before">{before}</span>
                <mark>{hit}</mark>
                <span>{after}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
