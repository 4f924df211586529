// A corpus folder on disk (the bundled corpus/ or a user's --corpus PATH): every .txt/.md below it,
// one document each. Node-only; the documents themselves are parsed by the pure core.
// One bad file never stops the load: each is named with its reason and the rest is loaded.
// Symbolic links are followed (a linked folder of speeches is common), each real folder once, so a
// link back up the tree is a loop that is reported, not walked forever.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, decodeWarning } from '../core/decode/decode';
import { parseDocumentFile } from '../core/corpus/front-matter';
import type { CorpusDoc } from '../core/model/types';
import { fsReason } from './fs-reason';

const DOC_FILE = /\.(txt|md)$/i;

/** The corpus that ships in the package, resolved from this file so the cwd never matters. */
export const BUNDLED_CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

/** A file or folder left out of the corpus (`skipped`) or read with a warning, and why. */
export interface CorpusNote {
  path: string;
  reason: string;
  skipped: boolean;
}

export interface CorpusListing {
  /** Paths of the document files, relative with `/` separators, sorted. */
  ids: string[];
  notes: CorpusNote[];
}

/** Walks `dir` (whose own absence throws, so the caller can say "no such folder"). */
export async function listCorpusFiles(dir: string): Promise<CorpusListing> {
  const ids: string[] = [];
  const notes: CorpusNote[] = [];
  const seen = new Map<string, string>(); // real folder → the path it was first read under
  const walk = async (abs: string, rel: string) => {
    const real = await realpath(abs);
    const first = seen.get(real);
    if (first !== undefined) {
      notes.push({ path: abs, reason: `link to a folder already read (${first}): not read again`, skipped: true });
      return;
    }
    seen.set(real, abs);
    for (const e of await readdir(abs, { withFileTypes: true })) {
      const childAbs = path.join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      let kind: 'dir' | 'file' | 'other' = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
      if (e.isSymbolicLink()) {
        try {
          const st = await stat(childAbs);
          kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
        } catch (err) {
          notes.push({ path: childAbs, reason: `broken link: ${fsReason(err)}`, skipped: true });
          continue;
        }
      }
      if (kind === 'file' && DOC_FILE.test(e.name)) ids.push(childRel);
      else if (kind === 'dir')
        await walk(childAbs, childRel).catch((err: unknown) => {
          notes.push({ path: childAbs, reason: `cannot read folder: ${fsReason(err)}`, skipped: true });
        });
    }
  };
  await walk(dir, '');
  // Code-unit order, not locale order, so ids sort the same on every machine.
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ids, notes };
}

export interface LoadedCorpus {
  docs: CorpusDoc[];
  notes: CorpusNote[];
}

/**
 * Reads every .txt/.md below `dir` (recursively) as a document: id = relative path with `/` and its
 * extension; bytes decoded by the shared decoder; front matter optional. Unreadable, empty and
 * binary files are left out with a note naming them; a few bad bytes only add a warning.
 */
export async function loadCorpusFolder(dir: string, origin: 'bundled' | 'user' = 'user'): Promise<LoadedCorpus> {
  const { ids, notes } = await listCorpusFiles(dir);
  const loaded = await Promise.all(
    ids.map(async (id): Promise<CorpusDoc | CorpusNote> => {
      const file = path.join(dir, ...id.split('/'));
      try {
        const decoded = decodeBytes(await readFile(file), { fileName: id });
        const warning = decodeWarning(decoded);
        const doc = parseDocumentFile(id, decoded.text, origin);
        if (!doc.body.trim()) return { path: file, reason: 'no text', skipped: true };
        if (warning) notes.push({ path: file, reason: warning, skipped: false });
        return doc;
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code
          ? `cannot read: ${fsReason(err)}`
          : String((err as Error).message ?? err);
        return { path: file, reason, skipped: true };
      }
    }),
  );
  const docs: CorpusDoc[] = [];
  for (const x of loaded) {
    if ('skipped' in x) notes.push(x);
    else docs.push(x);
  }
  return { docs, notes };
}
