// The corpus view's data: the document list and the kept-pages figures, refreshed whenever the
// background says the corpus changed; `guard` runs one task at a time with its error shown.
import { useEffect, useState } from 'preact/hooks';
import type { DocMeta } from '../../core/model/types';
import { errorText } from '../format';
import { useLatest } from '../use-latest';
import { useI18n } from '../i18n/i18n';
import { usePanelEvent, useService } from '../service-context';

export type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function useCorpusDocs() {
  const { t } = useI18n();
  const service = useService();
  const [docs, setDocs] = useState<DocMeta[] | null>(null);
  const [kept, setKept] = useState<{ count: number; bytes: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const fail = (e: unknown) => setNotice({ kind: 'error', text: t.errorPrefix + errorText(e) });
  const refresh = useLatest(async () => {
    await Promise.all([service.listDocs().then(setDocs), service.keptStats().then(setKept)]).catch(fail);
  });
  useEffect(() => void refresh(), [refresh]);
  usePanelEvent((e) => {
    if (e.type === 'corpus-changed') void refresh();
  });

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return { docs, kept, busy, setBusy, notice, setNotice, guard, refresh };
}

export type CorpusData = ReturnType<typeof useCorpusDocs>;
