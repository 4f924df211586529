// Imports many files in batches, reporting progress, keeping every good file and collecting a
// reason for each refused one.
import type { DocMeta } from '../../core/model/types';
import type { ImportReport, SuyuanService } from '../../extension/protocol';
import type { NewDoc } from '../../core/model/page';
import { errorText } from '../format';
import type { Messages } from '../i18n/i18n';
import { fileToDoc } from './import-file';

export const IMPORT_BATCH = 20;

export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function importFiles(
  files: readonly FileLike[],
  service: Pick<SuyuanService, 'addDocs'>,
  t: Messages,
  onProgress: (done: number, total: number) => void,
): Promise<ImportReport> {
  const added: DocMeta[] = [];
  const errors: ImportReport['errors'] = [];
  const warnings: NonNullable<ImportReport['warnings']> = [];
  let batch: { name: string; doc: NewDoc }[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    try {
      added.push(...(await service.addDocs(sent.map((b) => b.doc))));
    } catch (e) {
      for (const b of sent) errors.push({ name: b.name, reason: errorText(e) });
    }
    done += sent.length;
    onProgress(done, files.length);
  };
  onProgress(0, files.length);
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { doc, replaced } = await fileToDoc(file.name, bytes, t);
      if (replaced) warnings.push({ name: file.name, replaced });
      batch.push({ name: file.name, doc });
    } catch (e) {
      errors.push({ name: file.name, reason: errorText(e) });
      done++;
      onProgress(done, files.length);
    }
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  return warnings.length ? { added, errors, warnings } : { added, errors };
}
