// The user corpus in the corpus-folder format `suyuan --corpus` reads (core/corpus/front-matter.ts):
// one front-matter file per document, its id the relative path. In the extension those documents
// live under `user/`: a folder file a/b.md is the document user/a/b.md, and exports write it back
// to a/b.md, so a folder goes in and comes out with the same paths.
import { serializeDocument } from '../../core/corpus/front-matter';
import type { CorpusDoc } from '../../core/model/types';
import type { CorpusFile } from '../protocol';
import type { UserDocRecord } from './db';
import { USER_ID_PREFIX } from './user-docs';

const DOC_PATH = /\.(md|txt)$/i;
const SCRIPTS = new Set(['simplified', 'traditional', 'mixed']);

/** Checks a folder-relative path: `/` separators, no empty, `.` or `..` segment, a .md/.txt name. */
export function checkCorpusPath(path: unknown): string {
  if (typeof path !== 'string' || !DOC_PATH.test(path)) throw new Error(`not a .md or .txt path: ${String(path)}`);
  const parts = path.split('/');
  if (path.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`not a relative path: ${path}`);
  }
  return path;
}

/** The stored record for a document read from a corpus folder (`doc.id` = its relative path). */
export function importedRecord(doc: CorpusDoc, addedAt: number): UserDocRecord {
  const path = checkCorpusPath(doc.id);
  if (typeof doc.title !== 'string' || doc.title.trim() === '') throw new Error(`${path}: no title`);
  if (typeof doc.body !== 'string' || doc.body.trim() === '') throw new Error(`${path}: no text`);
  const rec: UserDocRecord = {
    id: USER_ID_PREFIX + path,
    title: doc.title,
    body: doc.body,
    origin: 'user',
    via: 'imported',
    addedAt,
  };
  for (const key of ['date', 'place', 'source', 'url', 'capturedAt'] as const) {
    const v = doc[key];
    if (v !== undefined && typeof v !== 'string') throw new Error(`${path}: ${key} must be text`);
    if (v) rec[key] = v;
  }
  if (doc.script !== undefined && SCRIPTS.has(doc.script)) rec.script = doc.script;
  return rec;
}

/** The folder file of a stored document: its id without `user/`, content in the canonical form. */
export function corpusFileOf(rec: CorpusDoc): CorpusFile {
  const path = rec.id.startsWith(USER_ID_PREFIX) ? rec.id.slice(USER_ID_PREFIX.length) : rec.id;
  return { path, content: serializeDocument(rec) };
}
