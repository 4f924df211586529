// The corpus view's buttons: add, paste, import (files, a corpus folder, a .zip), export the
// corpus (backup and restore: backup-controls.tsx). File pickers are <input type=file> inside labels styled as buttons.
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n';
import type { CorpusActions } from './use-corpus-actions';

function FilePick(props: {
  label: string;
  disabled: boolean;
  accept?: string;
  multiple?: boolean;
  folder?: boolean;
  onFiles: (files: File[]) => void;
}) {
  // webkitdirectory is not in Preact's attribute types; Chromium and Firefox both support it.
  const folder = (props.folder ? { webkitdirectory: '', directory: '' } : {}) as JSX.HTMLAttributes<HTMLInputElement>;
  return (
    <label class="file-button">
      {props.label}
      <input
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        disabled={props.disabled}
        {...folder}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
    </label>
  );
}

export function CorpusToolbar(props: { actions: CorpusActions; busy: boolean; canAddPage: boolean }) {
  const { t } = useI18n();
  const a = props.actions;
  const busy = props.busy;
  return (
    <>
      <div class="toolbar">
        <button type="button" onClick={() => void a.addPage()} disabled={busy || !props.canAddPage}>
          {t.addPage}
        </button>
        <button type="button" onClick={() => a.setDraft({ title: '', body: '' })} disabled={busy}>
          {t.pasteText}
        </button>
        <FilePick
          label={t.importFiles}
          multiple
          accept=".txt,.md,.html,.htm,.docx,text/plain,text/html"
          disabled={busy}
          onFiles={(f) => void a.importFiles(f)}
        />
      </div>
      <p class="meta">{t.importHint}</p>
      <div class="toolbar">
        <FilePick label={t.importFolder} folder disabled={busy} onFiles={(f) => void a.importFolder(f)} />
        <FilePick label={t.importZip} accept=".zip,application/zip" disabled={busy} onFiles={(f) => void a.importZip(f[0]!)} />
        <button type="button" onClick={() => void a.exportCorpus()} disabled={busy}>
          {t.exportCorpus}
        </button>
      </div>
      <p class="meta">{t.corpusFormatHint}</p>
    </>
  );
}
