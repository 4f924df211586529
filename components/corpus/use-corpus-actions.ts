// What the corpus toolbar does: add the current page or pasted text, import files, a corpus
// folder or .zip, export the user corpus as a .zip (backups: backup-controls.tsx). Imports and exports
// report progress; an import names each refused file and keeps the rest.
import { useState } from 'preact/hooks';
import { pageFacts } from '../../core/evidence/page-facts';
import type { NewDoc } from '../../core/model/page';
import type { ImportReport } from '../../extension/protocol';
import { downloadBlob, fileStamp } from '../download';
import { useI18n } from '../i18n/i18n';
import { useDocStore, useService } from '../service-context';
import { exportCorpusFiles, folderEntries, importCorpusEntries, zipCorpus, zipEntries } from './corpus-archive';
import { importFiles } from './import-files';
import type { CorpusData } from './use-corpus-docs';

export type Progress = { label: (done: number, total: number) => string; done: number; total: number } | null;

export function useCorpusActions(c: CorpusData, tabId: number | null) {
  const { t } = useI18n();
  const service = useService();
  // The panel asks IndexedDB itself which documents are stored: the worker may be the thing that stopped.
  const store = useDocStore();
  const [draft, setDraft] = useState<NewDoc | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const ok = (text: string) => c.setNotice({ kind: 'ok', text });
  const track = (label: (d: number, n: number) => string) => (done: number, total: number) =>
    setProgress({ label, done, total });

  const runImport = (read: () => Promise<ImportReport>) =>
    c.guard(async () => {
      setReport(null);
      try {
        setReport(await read());
      } finally {
        setProgress(null);
      }
      await c.refresh();
    });

  return {
    draft,
    progress,
    report,
    setDraft,
    addPage: () =>
      c.guard(async () => {
        const analysis = tabId === null ? null : await service.getTabAnalysis(tabId);
        if (!analysis?.page.text.trim()) return c.setNotice({ kind: 'error', text: t.noPageText });
        const { page } = analysis;
        // The page's own date and place, and its address: the saved copy is then never taken for
        // the page's source when the page is compared again.
        const facts = pageFacts({ text: page.text, title: page.title, url: page.url, meta: page.meta, lead: page.lead });
        setDraft({
          title: page.title,
          body: page.text,
          source: page.url,
          url: page.url,
          capturedAt: new Date().toISOString(),
          ...(facts.date ? { date: facts.date } : {}),
          ...(facts.place ? { place: facts.place } : {}),
        });
      }),
    save: (doc: NewDoc) =>
      c.guard(async () => {
        const [meta] = await service.addDocs([doc]);
        setDraft(null);
        ok(t.added(meta?.title ?? doc.title));
        await c.refresh();
      }),
    importFiles: (files: File[]) =>
      runImport(() =>
        importFiles(files, service, t, track(t.importing), (ids) => store.existing(ids)),
      ),
    importFolder: (files: File[]) =>
      runImport(() => importCorpusEntries(folderEntries(files), service, track(t.importing))),
    importZip: (file: File) =>
      runImport(async () =>
        importCorpusEntries(
          await zipEntries(file.name, new Uint8Array(await file.arrayBuffer())),
          service,
          track(t.importing),
        ),
      ),
    exportCorpus: () =>
      c.guard(async () => {
        const files = await exportCorpusFiles(service, track(t.exporting)).finally(() => setProgress(null));
        if (files.length === 0) return c.setNotice({ kind: 'error', text: t.nothingToExport });
        const folder = `suyuan-corpus-${fileStamp()}`;
        downloadBlob(`${folder}.zip`, await zipCorpus(folder, files));
        ok(t.exportDone(files.length));
      }),
  };
}

export type CorpusActions = ReturnType<typeof useCorpusActions>;
