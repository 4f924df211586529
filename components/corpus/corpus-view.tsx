// The corpus: an overview (by year, place, source) over filters that reach every metadata field,
// the pages kept while reading, the list; add, import, export, back up and restore above it.
// The parts live beside this file; this one only wires them together.
import { useEffect, useState } from 'preact/hooks';
import type { OpenDocRequest } from '../compare/compare-view';
import { EmptyState } from '../empty-state';
import { useI18n } from '../i18n/i18n';
import { useService } from '../service-context';
import { CorpusFilters } from './corpus-filters';
import { matchesFilter, NO_FILTER, userFirst, type CorpusFilter } from './corpus-filter';
import { CorpusOverview } from './corpus-overview';
import { BackupControls } from './backup-controls';
import { CorpusToolbar } from './corpus-toolbar';
import { DocForm } from './doc-form';
import { DocList } from './doc-list';
import { KeptPagesBar } from './kept-pages-bar';
import { TaskStatus } from './task-status';
import { useCorpusActions } from './use-corpus-actions';
import { useCorpusDocs } from './use-corpus-docs';

export function CorpusView(props: { tabId: number | null; onOpenDoc: (req: OpenDocRequest) => void }) {
  const { t } = useI18n();
  const service = useService();
  const data = useCorpusDocs();
  const actions = useCorpusActions(data, props.tabId);
  const [filter, setFilter] = useState<CorpusFilter>(NO_FILTER);
  const [keepOn, setKeepOn] = useState<boolean | null>(null);
  useEffect(() => {
    if (!data.kept) return;
    Promise.resolve(service.getSettings()).then(
      (s) => setKeepOn(s?.keepPages ?? null),
      () => setKeepOn(null),
    );
  }, [data.kept, service]);

  const remove = (id: string) =>
    data.guard(async () => {
      await service.removeDoc(id);
      await data.refresh();
    });
  const docs = data.docs ?? [];
  return (
    <section class="corpus">
      <CorpusToolbar actions={actions} busy={data.busy} canAddPage={props.tabId !== null} />
      <BackupControls busy={data.busy} onBusy={data.setBusy} />
      <TaskStatus progress={actions.progress} notice={data.notice} report={actions.report} />
      {actions.draft && (
        <DocForm
          initial={actions.draft}
          busy={data.busy}
          onSave={(d) => void actions.save(d)}
          onCancel={() => actions.setDraft(null)}
        />
      )}
      <KeptPagesBar data={data} keepOn={keepOn} onReview={() => setFilter({ ...NO_FILTER, kind: 'kept' })} />
      {data.docs === null ? (
        <EmptyState>{t.loading}</EmptyState>
      ) : (
        <>
          <CorpusOverview docs={docs} filter={filter} onFilter={setFilter} />
          <CorpusFilters docs={docs} filter={filter} onChange={setFilter} />
          <DocList
            docs={userFirst(docs).filter((d) => matchesFilter(d, filter))}
            onOpenDoc={props.onOpenDoc}
            onRemove={(id) => void remove(id)}
            onEdit={async (id, patch) => {
              // Errors (a malformed date) are shown in the form, which stays open.
              await service.updateDoc(id, patch);
              await data.refresh();
            }}
          />
        </>
      )}
    </section>
  );
}
