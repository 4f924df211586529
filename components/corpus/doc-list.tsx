// The filtered documents, a page at a time; the user's own can be edited (every field but the text)
// and deleted after confirming.
import { useEffect, useState } from 'preact/hooks';
import type { DocMeta } from '../../core/model/types';
import type { DocPatch } from '../../extension/storage/doc-patch';
import type { OpenDocRequest } from '../compare/compare-view';
import { EmptyState } from '../empty-state';
import { errorText, metaLine } from '../format';
import { useI18n } from '../i18n/i18n';
import { kindOf } from './corpus-filter';
import { DocEditForm } from './doc-edit-form';

const PAGE_SIZE = 100;

export function DocList(props: {
  docs: DocMeta[];
  onOpenDoc: (req: OpenDocRequest) => void;
  onRemove: (id: string) => void;
  onEdit: (id: string, patch: DocPatch) => Promise<void>;
}) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE_SIZE);
  useEffect(() => setLimit(PAGE_SIZE), [props.docs.length]);
  const shown = props.docs;
  if (shown.length === 0) return <EmptyState>{t.noDocs}</EmptyState>;
  return (
    <>
      <p class="meta">{t.corpusCount(Math.min(limit, shown.length), shown.length)}</p>
      <ul class="doc-list">
        {shown.slice(0, limit).map((d) => (
          <DocRow key={d.id} doc={d} {...props} />
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

function DocRow(props: {
  doc: DocMeta;
  onOpenDoc: (req: OpenDocRequest) => void;
  onRemove: (id: string) => void;
  onEdit: (id: string, patch: DocPatch) => Promise<void>;
}) {
  const { t } = useI18n();
  const d = props.doc;
  const [mode, setMode] = useState<'view' | 'confirm' | 'edit'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kindLabel = { bundled: t.kindBundled, added: t.kindAdded, kept: t.kindKept, imported: t.kindImported };
  const save = async (patch: DocPatch) => {
    setBusy(true);
    setError(null);
    try {
      await props.onEdit(d.id, patch);
      setMode('view');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <button type="button" class="doc-open" onClick={() => props.onOpenDoc({ docId: d.id })}>
        <span class="doc-title">{d.title}</span>
        <span class="meta">{metaLine(d.date, d.place, kindLabel[kindOf(d)])}</span>
      </button>
      {d.origin === 'user' && mode === 'view' && (
        <span class="doc-actions">
          <button type="button" class="link" aria-label={t.editDocTitle(d.title)} onClick={() => setMode('edit')}>
            {t.editDoc}
          </button>
          <button
            type="button"
            class="link danger"
            aria-label={`${t.deleteDoc}: ${d.title}`}
            onClick={() => setMode('confirm')}
          >
            {t.deleteDoc}
          </button>
        </span>
      )}
      {mode === 'confirm' && (
        <span class="confirm" role="group" aria-label={t.confirmDelete(d.title)}>
          <span>{t.confirmDelete(d.title)}</span>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setMode('view');
              props.onRemove(d.id);
            }}
          >
            {t.confirmYes}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            {t.cancel}
          </button>
        </span>
      )}
      {mode === 'edit' && (
        <DocEditForm doc={d} busy={busy} error={error} onSave={(p) => void save(p)} onCancel={() => setMode('view')} />
      )}
    </li>
  );
}
