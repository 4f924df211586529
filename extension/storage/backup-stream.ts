// Backups of any size, streamed in the panel straight between the file and IndexedDB: export
// writes the file from the store in batches (a Blob of parts, never one string), restore reads
// the file as a byte stream and writes batches of documents. Nothing goes through a runtime
// message, whose 64 MiB limit the old export and restore hit. Restore runs twice over the file:
// first to check all of it and count what it would change (the preview), then to write.
import type { Settings } from '../../core/model/settings';
import type { RestoreReport } from '../protocol';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  copyRecord,
  portableSettings,
  settingsChanged,
  validateDoc,
  validateHead,
  type BackupHead,
} from './backup';
import { BackupError } from './backup-error';
import { BackupReader } from './backup-reader';
import type { UserDocRecord } from './db';
import { emptyCounts, type RestoreCounts, type UserDocStore } from './user-docs';

/** Documents per IndexedDB transaction, and characters: whichever comes first. */
const BATCH_DOCS = 100;
const BATCH_CHARS = 4_000_000;

export type OnProgress = (done: number, total: number) => void;

/** Reads and checks a whole backup file, handing its documents on in batches; returns the head. */
export async function streamBackup(
  file: Blob,
  onBatch: (docs: UserDocRecord[]) => Promise<void>,
  onProgress: OnProgress,
): Promise<BackupHead> {
  const fields = new Map<string, unknown>();
  const seen = new Set<string>();
  let batch: UserDocRecord[] = [];
  let chars = 0;
  const reader = new BackupReader({
    field(key, value) {
      // Fail early on a file that is not a backup, rather than after reading all of it.
      if (key === 'format' && value !== BACKUP_FORMAT) throw new BackupError('format');
      fields.set(key, value);
    },
    doc(value, index) {
      const d = validateDoc(value, index);
      if (seen.has(d.id)) throw new BackupError('duplicate', { id: d.id });
      seen.add(d.id);
      batch.push(d);
      chars += d.body.length;
    },
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new BackupError('notJson');
    }
  };
  const source = file.stream().getReader();
  let read = 0;
  onProgress(0, file.size);
  for (;;) {
    const { done, value } = await source.read();
    if (done) break;
    read += value.byteLength;
    reader.push(decode(value));
    if (batch.length >= BATCH_DOCS || chars >= BATCH_CHARS) {
      const full = batch;
      batch = [];
      chars = 0;
      await onBatch(full);
    }
    onProgress(read, file.size);
  }
  reader.push(decode());
  reader.end();
  const head = validateHead(Object.fromEntries(fields));
  if (batch.length > 0) await onBatch(batch);
  return head;
}

function addCounts(into: RestoreCounts, more: RestoreCounts): void {
  for (const k of Object.keys(into) as (keyof RestoreCounts)[]) into[k] += more[k];
}

export interface RestorePlan extends RestoreReport {
  /** Only the settings the file names (the rest keep their current value). */
  settings: Partial<Settings>;
}

/** Pass 1: checks the whole file and counts what a restore would change; writes nothing.
 *  `keptNewer` counts the stored copies newer than the backup's, which the user may replace. */
export async function planRestore(
  file: Blob,
  store: UserDocStore,
  current: Settings,
  onProgress: OnProgress,
): Promise<RestorePlan> {
  const counts = emptyCounts();
  const head = await streamBackup(
    file,
    async (docs) => addCounts(counts, (await store.restore(docs, { dryRun: true })).counts),
    onProgress,
  );
  const changed = settingsChanged(current, { ...current, ...head.settings });
  return { ...counts, settingsChanged: changed, settings: head.settings };
}

/** Pass 2: writes the documents batch by batch (settings are the caller's: they live elsewhere). */
export async function applyRestore(
  file: Blob,
  store: UserDocStore,
  opts: { replaceNewer: boolean },
  onProgress: OnProgress,
): Promise<RestoreCounts> {
  const counts = emptyCounts();
  await streamBackup(
    file,
    async (docs) => addCounts(counts, (await store.restore(docs, { replaceNewer: opts.replaceNewer })).counts),
    onProgress,
  );
  return counts;
}

/** Export: the backup file as a Blob built batch by batch from the store. The layout is the same
 *  JSON object as ever (format, version, exportedAt, settings, docs), one document a line. */
export async function exportBackupBlob(
  store: UserDocStore,
  settings: Settings,
  now: Date,
  onProgress: OnProgress,
): Promise<Blob> {
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: portableSettings(settings),
  };
  const ids = await store.idsInOrder();
  const blobs: Blob[] = [new Blob([JSON.stringify(head).slice(0, -1) + ',"docs":[\n'])];
  onProgress(0, ids.length);
  for (let i = 0; i < ids.length; i += BATCH_DOCS) {
    const docs = await store.getMany(ids.slice(i, i + BATCH_DOCS));
    const lines = docs.map((d, j) => (i + j > 0 ? ',\n' : '') + JSON.stringify(copyRecord(d)));
    // A Blob per batch lets the strings go: the browser keeps blob data outside the JS heap.
    blobs.push(new Blob(lines));
    onProgress(Math.min(ids.length, i + BATCH_DOCS), ids.length);
  }
  blobs.push(new Blob(['\n]}\n']));
  return new Blob(blobs, { type: 'application/json' });
}
