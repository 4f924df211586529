// The filtered documents, a page at a time; the user's own can be deleted after confirming.
import { useEffect, useState } from 'preact/hooks';
import type { DocMeta } from '../../core/model/types';
import type { OpenDocRequest } from '../compare/compare-view';
import { EmptyState } from '../empty-state';
import { metaLine } from '../format';
import { useI18n } from '../i18n/i18n';
import { kindOf } from './corpus-filter';

const PAGE_SIZE = 100;

export function DocList(props: {
  docs: DocMeta[];
  onOpenDoc: (req: OpenDocRequest) => void;
  onRemove: (id: string) => void;
}) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => setLimit(PAGE_SIZE), [props.docs.length]);
  const kindLabel = { bundled: t.kindBundled, added: t.kindAdded, kept: t.kindKept, imported: t.kindImported };
  const shown = props.docs;
  if (shown.length === 0) return <EmptyState>{t.noDocs}</EmptyState>;
  return (
    <>
      <p class="meta">{t.corpusCount(Math.min(limit, shown.length), shown.length)}</p>
      <ul class="doc-list">
        {shown.slice(0, limit).map((d) => (
          <li key={d.id}>
            <button type="button" class="doc-open" onClick={() => props.onOpenDoc({ docId: d.id })}>
              <span class="doc-title">{d.title}</span>
              <span class="meta">{metaLine(d.date, d.place, kindLabel[kindOf(d)])}</span>
            </button>
            {d.origin === 'user' &&
              (confirming === d.id ? (
                <span class="confirm" role="group" aria-label={t.confirmDelete(d.title)}>
                  <span>{t.confirmDelete(d.title)}</span>
                  <button
                    type="button"
                    class="danger"
                    onClick={() => {
                      setConfirming(null);
                      props.onRemove(d.id);
                    }}
                  >
                    {t.confirmYes}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t.cancel}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  class="link danger"
                  aria-label={`${t.deleteDoc}: ${d.title}`}
                  onClick={() => setConfirming(d.id)}
                >
                  {t.deleteDoc}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t.showMore}
        </button>
      )}
    </>
  );
}
