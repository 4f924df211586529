// The corpus: bundled and user speeches, filterable; add the current page, paste, import files,
// delete (after confirming), back up and restore.
import { useEffect, useState } from 'preact/hooks';
import type { DocMeta } from '../../core/model/types';
import type { ImportReport } from '../../extension/protocol';
import type { NewDoc } from '../../core/model/page';
import type { OpenDocRequest } from '../compare/compare-view';
import { EmptyState } from '../empty-state';
import { errorText, metaLine } from '../format';
import { useI18n } from '../i18n/i18n';
import { usePanelEvent, useService } from '../service-context';
import { useLatest } from '../use-latest';
import { BackupControls } from './backup-controls';
import { DocForm } from './doc-form';
import { importFiles } from './import-files';

const PAGE_SIZE = 100;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function matchesFilter(doc: DocMeta, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  return [doc.title, doc.date, doc.place, doc.source, doc.id].some((v) => v?.toLowerCase().includes(f));
}

/** The user's own documents first, newest first (what was just added is in view), then the bundled ones. */
export function userFirst(docs: DocMeta[]): DocMeta[] {
  return [...docs.filter((d) => d.origin === 'user').reverse(), ...docs.filter((d) => d.origin !== 'user')];
}

export function CorpusView(props: { tabId: number | null; onOpenDoc: (req: OpenDocRequest) => void }) {
  const { t } = useI18n();
  const service = useService();
  const [docs, setDocs] = useState<DocMeta[] | null>(null);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [draft, setDraft] = useState<NewDoc | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = useLatest(() =>
    service.listDocs().then(setDocs, (e: unknown) => setNotice({ kind: 'error', text: t.errorPrefix + errorText(e) })),
  );
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
      setNotice({ kind: 'error', text: t.errorPrefix + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const addPage = () =>
    guard(async () => {
      const analysis = props.tabId === null ? null : await service.getTabAnalysis(props.tabId);
      if (!analysis?.page.text.trim()) {
        setNotice({ kind: 'error', text: t.noPageText });
        return;
      }
      setDraft({ title: analysis.page.title, body: analysis.page.text, source: analysis.page.url });
    });

  const save = (doc: NewDoc) =>
    guard(async () => {
      const [meta] = await service.addDocs([doc]);
      setDraft(null);
      setNotice({ kind: 'ok', text: t.added(meta?.title ?? doc.title) });
      await refresh();
    });

  const onImport = (files: File[]) =>
    guard(async () => {
      setReport(null);
      const result = await importFiles(
        files,
        service,
        t,
        (done, total) => setProgress({ done, total }),
        async (ids) => new Set(await service.storedIds(ids)),
      );
      setProgress(null);
      setReport(result);
      await refresh();
    });

  const remove = (id: string) =>
    guard(async () => {
      setConfirming(null);
      await service.removeDoc(id);
      await refresh();
    });

  const shown = userFirst(docs ?? []).filter((d) => matchesFilter(d, filter));
  return (
    <section class="corpus">
      <div class="toolbar">
        <button type="button" onClick={addPage} disabled={busy || props.tabId === null}>
          {t.addPage}
        </button>
        <button type="button" onClick={() => setDraft({ title: '', body: '' })} disabled={busy}>
          {t.pasteText}
        </button>
        <label class="file-button">
          {t.importFiles}
          <input
            type="file"
            multiple
            accept=".txt,.md,.html,.htm,.docx,text/plain,text/html"
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length) void onImport(files);
            }}
          />
        </label>
      </div>
      <p class="meta">{t.importHint}</p>
      <BackupControls busy={busy} onBusy={setBusy} />
      {progress && (
        <div class="progress" role="status">
          <progress value={progress.done} max={progress.total} aria-label={t.importing(progress.done, progress.total)} />
          <span>{t.importing(progress.done, progress.total)}</span>
        </div>
      )}
      {notice && (
        <div class={notice.kind === 'error' ? 'error' : 'ok'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {report && (
        <div class="import-report" role="status">
          <div class="ok">{t.importDone(report.added.length)}</div>
          {report.warnings?.map((w, i) => (
            <div key={`w${i}`} class="warning">
              {t.importReplaced(w.name, w.replaced)}
            </div>
          ))}
          {report.errors.length > 0 && (
            <div class="error">
              {t.importErrors}
              <ul>
                {report.errors.map((er, i) => (
                  <li key={i}>{`${er.name}: ${er.reason}`}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {draft && <DocForm initial={draft} busy={busy} onSave={save} onCancel={() => setDraft(null)} />}
      <input
        type="search"
        class="filter"
        aria-label={t.corpusFilter}
        placeholder={t.corpusFilterPlaceholder}
        value={filter}
        onInput={(e) => {
          setFilter(e.currentTarget.value);
          setLimit(PAGE_SIZE);
        }}
      />
      {docs === null ? (
        <EmptyState>{t.loading}</EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState>{t.noDocs}</EmptyState>
      ) : (
        <>
          <p class="meta">{t.corpusCount(Math.min(limit, shown.length), shown.length)}</p>
          <ul class="doc-list">
            {shown.slice(0, limit).map((d) => (
              <li key={d.id}>
                <button type="button" class="doc-open" onClick={() => props.onOpenDoc({ docId: d.id })}>
                  <span class="doc-title">{d.title}</span>
                  <span class="meta">{metaLine(d.date, d.place, d.origin === 'user' ? t.originUser : t.originBundled)}</span>
                </button>
                {d.origin === 'user' &&
                  (confirming === d.id ? (
                    <span class="confirm" role="group" aria-label={t.confirmDelete(d.title)}>
                      <span>{t.confirmDelete(d.title)}</span>
                      <button type="button" class="danger" onClick={() => void remove(d.id)}>
                        {t.confirmYes}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t.cancel}
                      </button>
                    </span>
                  ) : (
                    <button type="button" class="link danger" aria-label={`${t.deleteDoc}: ${d.title}`} onClick={() => setConfirming(d.id)}>
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
      )}
    </section>
  );
}
