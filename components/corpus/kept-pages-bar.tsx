// Pages kept while reading: how many and how big, one click to list them (review) and one to
// delete them all (after confirming).
import { useState } from 'preact/hooks';
import type { DocMeta } from '../../core/model/types';
import { formatBytes } from '../format';
import { useI18n } from '../i18n/i18n';
import { useService } from '../service-context';
import { kindOf } from './corpus-filter';
import type { CorpusData } from './use-corpus-docs';

export function KeptPagesBar(props: { data: CorpusData; keepOn: boolean | null; onReview: () => void }) {
  const { t } = useI18n();
  const service = useService();
  const [confirming, setConfirming] = useState(false);
  const { kept, docs, busy } = props.data;
  if (!kept) return null;
  const ids = (docs ?? []).filter((d: DocMeta) => kindOf(d) === 'kept').map((d) => d.id);
  const removeAll = () =>
    props.data.guard(async () => {
      setConfirming(false);
      const n = await service.removeDocs(ids);
      props.data.setNotice({ kind: 'ok', text: t.keptDeleted(n) });
      await props.data.refresh();
    });
  return (
    <div class="kept-bar" role="group" aria-label={t.kindKept}>
      <span>{t.keptSummary(kept.count, formatBytes(kept.bytes))}</span>
      {kept.count > 0 &&
        (confirming ? (
          <span class="confirm">
            <span>{t.confirmDeleteKept(kept.count)}</span>
            <button type="button" class="danger" onClick={() => void removeAll()} disabled={busy}>
              {t.confirmYes}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </span>
        ) : (
          <>
            <button type="button" class="link" onClick={props.onReview}>
              {t.keptReview}
            </button>
            <button type="button" class="link danger" onClick={() => setConfirming(true)} disabled={busy}>
              {t.keptDeleteAll}
            </button>
          </>
        ))}
      {props.keepOn === false && <span class="meta">{t.keptOff}</span>}
    </div>
  );
}
