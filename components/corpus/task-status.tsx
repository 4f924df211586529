// Progress of an import or export, the last notice, and an import's report naming refused files.
import type { ImportReport } from '../../extension/protocol';
import { useI18n } from '../i18n/i18n';
import type { Progress } from './use-corpus-actions';
import type { Notice } from './use-corpus-docs';

export function TaskStatus(props: { progress: Progress; notice: Notice; report: ImportReport | null }) {
  const { t } = useI18n();
  const { progress, notice, report } = props;
  return (
    <>
      {progress && (
        <div class="progress" role="status">
          <progress
            value={progress.done}
            max={Math.max(progress.total, 1)}
            aria-label={progress.label(progress.done, progress.total)}
          />
          <span>{progress.label(progress.done, progress.total)}</span>
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
    </>
  );
}
