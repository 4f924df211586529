// A corpus folder in and out of the panel, in exactly the format `suyuan --corpus` reads: .md/.txt
// files, front matter optional, each document's id its path relative to the folder (the parser is
// the CLI's: core/corpus/front-matter.ts, the decoder core/decode). A folder comes from a
// directory picker (webkitdirectory) or a .zip; exports are a .zip of one folder.
import { parseDocumentFile } from '../../core/corpus/front-matter';
import { decodeBytes } from '../../core/decode/decode';
import type { CorpusDoc, DocMeta } from '../../core/model/types';
import type { CorpusFile, ImportReport, SuyuanService } from '../../extension/protocol';
import { errorText } from '../format';

export const CORPUS_BATCH = 50;
const DOC_FILE = /\.(md|txt)$/i;

/** One file of a folder or zip, read on demand. */
export interface CorpusEntry {
  path: string;
  bytes(): Promise<Uint8Array>;
}

const skipped = (path: string) => path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX');

/** Files picked with webkitdirectory: paths start with the chosen folder's name, which is dropped. */
export function folderEntries(files: readonly File[]): CorpusEntry[] {
  return files
    .map((f) => ({ f, path: (f.webkitRelativePath || f.name).split('/').slice(1).join('/') || f.name }))
    .filter(({ path }) => DOC_FILE.test(path) && !skipped(path))
    .map(({ f, path }) => ({ path, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
}

/** The .md/.txt files of a zip. A zip of one folder named like the file (corpus.zip holding
 *  corpus/…, as zipping a folder makes, and as exports are written) reads as that folder. */
export async function zipEntries(zipName: string, data: Uint8Array): Promise<CorpusEntry[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const files = Object.values(zip.files).filter((f) => !f.dir && DOC_FILE.test(f.name) && !skipped(f.name));
  const top = zipName.replace(/\.zip$/i, '') + '/';
  const strip = files.length > 0 && files.every((f) => f.name.startsWith(top));
  return files.map((f) => ({
    path: strip ? f.name.slice(top.length) : f.name,
    bytes: () => f.async('uint8array'),
  }));
}

/** Reads, decodes and parses each entry, sends them in batches; bad files are named, the rest kept. */
export async function importCorpusEntries(
  entries: readonly CorpusEntry[],
  service: Pick<SuyuanService, 'importCorpus'>,
  onProgress: (done: number, total: number) => void,
): Promise<ImportReport> {
  const added: DocMeta[] = [];
  const errors: ImportReport['errors'] = [];
  let batch: CorpusDoc[] = [];
  let done = 0;
  const flush = async () => {
    const sent = batch;
    batch = [];
    if (sent.length > 0) {
      try {
        added.push(...(await service.importCorpus(sent)));
      } catch (e) {
        for (const d of sent) errors.push({ name: d.id, reason: errorText(e) });
      }
    }
    onProgress(done, entries.length);
  };
  onProgress(0, entries.length);
  for (const entry of entries) {
    try {
      const { text } = decodeBytes(await entry.bytes(), { fileName: entry.path });
      const doc = parseDocumentFile(entry.path, text, 'user');
      if (!doc.body.trim()) throw new Error('empty');
      batch.push(doc);
    } catch (e) {
      errors.push({ name: entry.path, reason: errorText(e) });
    }
    done++;
    if (batch.length >= CORPUS_BATCH) await flush();
  }
  await flush();
  return { added, errors };
}

/** Every user document as corpus files, fetched page by page. */
export async function exportCorpusFiles(
  service: Pick<SuyuanService, 'exportCorpus'>,
  onProgress: (done: number, total: number) => void,
): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for (;;) {
    const page = await service.exportCorpus(files.length, CORPUS_BATCH * 4);
    files.push(...page.files);
    onProgress(files.length, page.total);
    if (page.files.length === 0 || files.length >= page.total) return files;
  }
}

/** A zip holding one folder, `folder/`, with the files at their paths inside it. */
export async function zipCorpus(folder: string, files: readonly CorpusFile[]): Promise<Blob> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const f of files) zip.file(`${folder}/${f.path}`, f.content);
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE' });
}
