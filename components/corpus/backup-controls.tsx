// Export and restore of the user corpus, streamed in the panel between the file and IndexedDB
// (extension/storage/backup-stream.ts), with a progress bar for both. A restore first reads the
// whole file and says what it will change; nothing is written until the user confirms.
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/model/settings';
import { BackupError } from '../../extension/storage/backup-error';
import { applyRestore, exportBackupBlob, planRestore, type RestorePlan } from '../../extension/storage/backup-stream';
import { downloadBlob, fileStamp } from '../download';
import { errorText } from '../format';
import { useI18n, type Messages } from '../i18n/i18n';
import { useDocStore, useService } from '../service-context';

type Phase =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number }
  | { kind: 'preview'; file: Blob; plan: RestorePlan; replaceNewer: boolean };

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const SETTING_LABEL: Record<keyof Settings, keyof Messages> = {
  autoHighlight: 'autoHighlight',
  disabledSites: 'disabledSites',
  boilerplateMinDocs: 'boilerplateMinDocs',
  minPassageLength: 'minPassageLength',
  formulaPhrases: 'formulaPhrases',
  ignorePhrases: 'ignorePhrases',
  keepPages: 'keepPages',
  keepPagesExcludedSites: 'keepExcluded',
  welcomeDone: 'welcomeTitle',
  teamServer: 'teamServerUrl',
  teamToken: 'teamToken',
};

function settingNames(t: Messages, keys: (keyof Settings)[]): string {
  return keys.map((k) => String(t[SETTING_LABEL[k]] ?? k)).join('、');
}

/** A backup error in the interface's language; anything else as it came. */
export function backupErrorText(t: Messages, e: unknown): string {
  return e instanceof BackupError ? t.backupError(e.code, e.params) : errorText(e);
}

export function BackupControls(props: { busy: boolean; onBusy: (busy: boolean) => void }) {
  const { t } = useI18n();
  const service = useService();
  const store = useDocStore();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const disabled = props.busy || phase.kind !== 'idle';

  const run = async (work: () => Promise<void>, onError: (e: unknown) => string) => {
    props.onBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setPhase({ kind: 'idle' });
      setNotice({ kind: 'error', text: onError(e) });
    } finally {
      props.onBusy(false);
    }
  };
  const progress = (label: string) => (done: number, total: number) =>
    setPhase({ kind: 'working', label, done, total });

  const exportAll = () =>
    run(
      async () => {
        const settings = await service.getSettings();
        const blob = await exportBackupBlob(store, settings, new Date(), progress(t.exporting(0, 0)));
        downloadBlob(`suyuan-backup-${fileStamp()}.json`, blob);
        const n = (await store.count()) | 0;
        setPhase({ kind: 'idle' });
        setNotice({ kind: 'ok', text: t.exportDone(n) });
      },
      (e) => t.errorPrefix + errorText(e),
    );

  const check = (file: Blob) =>
    run(
      async () => {
        const plan = await planRestore(file, store, await service.getSettings(), progress(t.restoreChecking));
        setPhase({ kind: 'preview', file, plan, replaceNewer: false });
      },
      (e) => t.restoreFailed + backupErrorText(t, e),
    );

  const confirm = (file: Blob, plan: RestorePlan, replaceNewer: boolean) =>
    run(
      async () => {
        const counts = await applyRestore(file, store, { replaceNewer }, progress(t.restoreWriting));
        // Only the settings the file names; the background then takes the documents in.
        if (plan.settingsChanged.length > 0) await service.setSettings(plan.settings);
        await service.corpusRestored();
        setPhase({ kind: 'idle' });
        setNotice({ kind: 'ok', text: t.restoreSummary(counts.added, counts.replaced, counts.keptNewer) });
      },
      (e) => t.errorPrefix + backupErrorText(t, e),
    );

  return (
    <div class="backup">
      <BackupButtons disabled={disabled} onExport={() => void exportAll()} onRestore={(file) => void check(file)} />
      {phase.kind === 'working' && <ProgressBar label={phase.label} done={phase.done} total={phase.total} />}
      {phase.kind === 'preview' && (
        <RestorePreview
          plan={phase.plan}
          replaceNewer={phase.replaceNewer}
          onReplaceNewer={(v) => setPhase({ ...phase, replaceNewer: v })}
          onConfirm={() => void confirm(phase.file, phase.plan, phase.replaceNewer)}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      )}
      {notice && (
        <div class={notice.kind === 'error' ? 'error' : 'ok'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
    </div>
  );
}

function BackupButtons(props: { disabled: boolean; onExport: () => void; onRestore: (file: File) => void }) {
  const { t } = useI18n();
  return (
    <div class="toolbar">
      <button type="button" onClick={props.onExport} disabled={props.disabled}>
        {t.exportBackup}
      </button>
      <label class="file-button">
        {t.restoreBackup}
        <input
          type="file"
          accept=".json,application/json"
          disabled={props.disabled}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) props.onRestore(file);
          }}
        />
      </label>
    </div>
  );
}

function ProgressBar(props: { label: string; done: number; total: number }) {
  const { t } = useI18n();
  const pct = props.total > 0 ? Math.floor((100 * props.done) / props.total) : 0;
  return (
    <div class="progress" role="status">
      <progress value={props.done} max={Math.max(1, props.total)} aria-label={props.label} />
      <span>{`${props.label} ${t.restoreProgress(pct)}`}</span>
    </div>
  );
}

function RestorePreview(props: {
  plan: RestorePlan;
  replaceNewer: boolean;
  onReplaceNewer: (v: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const p = props.plan;
  const replaced = p.replaced + (props.replaceNewer ? p.keptNewer : 0);
  const kept = props.replaceNewer ? 0 : p.keptNewer;
  return (
    <div class="restore-preview" role="dialog" aria-label={t.restorePreview}>
      <p>{t.restorePreview}</p>
      <ul>
        <li>{t.restoreAdds(p.added)}</li>
        <li>{t.restoreReplaces(replaced)}</li>
        {kept > 0 && <li>{t.restoreKeepsNewer(kept)}</li>}
        {p.unchanged > 0 && <li>{t.restoreUnchanged(p.unchanged)}</li>}
        <li>
          {p.settingsChanged.length > 0 ? t.restoreSettings(settingNames(t, p.settingsChanged)) : t.restoreNoSettings}
        </li>
      </ul>
      {p.keptNewer > 0 && (
        <label>
          <input
            type="checkbox"
            checked={props.replaceNewer}
            onChange={(e) => props.onReplaceNewer(e.currentTarget.checked)}
          />
          {t.restoreReplaceNewer(p.keptNewer)}
        </label>
      )}
      <div class="toolbar">
        <button type="button" onClick={props.onConfirm}>
          {t.restoreConfirm}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
