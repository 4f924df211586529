// Imports many files in batches, reporting progress, keeping every good file and collecting a
// reason for each refused one.
import type { DocMeta } from '../../core/model/types';
import type { ImportReport, SuyuanService } from '../../extension/protocol';
import type { NewDoc } from '../../core/model/page';
import { errorText } from '../format';
import type { Messages } from '../i18n/i18n';
import { contentId } from '../../extension/storage/user-docs';
import { fileToDoc } from './import-file';

export const IMPORT_BATCH = 20;

/** A batch with no answer after this long is treated as unsure and checked against the store:
 *  Chromium can leave a message unanswered for good when the worker is stopped while handling it
 *  (seen in the e2e test that stops it every 150 ms). 20 documents take well under a second. */
export const ANSWER_TIMEOUT_MS = 20_000;

export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Which of these document ids IndexedDB holds (the panel asks the store directly). */
export type StoredIds = (ids: string[]) => Promise<Set<string>>;

interface Parsed {
  name: string;
  doc: NewDoc;
  id: string;
  /** Why sending it failed, if it did (it may still have been stored: the worker can stop after
   *  writing and before answering). */
  failed?: string;
}

export async function importFiles(
  files: readonly FileLike[],
  service: Pick<SuyuanService, 'addDocs'>,
  t: Messages,
  onProgress: (done: number, total: number) => void,
  stored?: StoredIds,
  answerTimeoutMs = ANSWER_TIMEOUT_MS,
): Promise<ImportReport> {
  const send = (items: Parsed[]) => sendBatch(service, items, answerTimeoutMs);
  const errors: ImportReport['errors'] = [];
  const warnings: NonNullable<ImportReport['warnings']> = [];
  const parsed: Parsed[] = [];
  let batch: Parsed[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    await send(sent);
    done += sent.length;
    onProgress(done, files.length);
  };
  onProgress(0, files.length);
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { doc, replaced } = await fileToDoc(file.name, bytes, t);
      if (replaced) warnings.push({ name: file.name, replaced });
      const item = { name: file.name, doc, id: contentId(doc.body) };
      parsed.push(item);
      batch.push(item);
    } catch (e) {
      errors.push({ name: file.name, reason: errorText(e) });
      done++;
      onProgress(done, files.length);
    }
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  const added = await settle(send, parsed, errors, stored);
  return warnings.length ? { added, errors, warnings } : { added, errors };
}

async function sendBatch(
  service: Pick<SuyuanService, 'addDocs'>,
  items: Parsed[],
  timeoutMs: number,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unanswered = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([service.addDocs(items.map((b) => b.doc)), unanswered]);
    for (const b of items) delete b.failed;
  } catch (e) {
    for (const b of items) b.failed = errorText(e);
  } finally {
    clearTimeout(timer);
  }
}

/** The report counts what IndexedDB holds at the end, whatever happened to the messages: a
 *  failed batch is checked against the store, what is missing is sent once more (the same ids,
 *  so nothing is stored twice), and only what is still missing is reported as failed. */
async function settle(
  send: (items: Parsed[]) => Promise<void>,
  parsed: Parsed[],
  errors: ImportReport['errors'],
  stored: StoredIds | undefined,
): Promise<DocMeta[]> {
  if (stored) {
    const unsure = parsed.filter((p) => p.failed !== undefined);
    if (unsure.length > 0) {
      const have = await stored(unsure.map((p) => p.id));
      const missing = unsure.filter((p) => !have.has(p.id));
      for (let i = 0; i < missing.length; i += IMPORT_BATCH) await send(missing.slice(i, i + IMPORT_BATCH));
    }
  }
  const have = stored ? await stored(parsed.map((p) => p.id)) : null;
  const added = new Map<string, DocMeta>();
  for (const p of parsed) {
    const ok = have ? have.has(p.id) : p.failed === undefined;
    if (ok) added.set(p.id, { id: p.id, title: p.doc.title.trim(), origin: 'user' });
    else errors.push({ name: p.name, reason: p.failed ?? 'not stored' });
  }
  return [...added.values()];
}
