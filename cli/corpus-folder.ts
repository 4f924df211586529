// A corpus folder on disk (the bundled corpus/ or a user's --corpus PATH): every .txt/.md below it,
// one document each. Node-only; the documents themselves are parsed by the pure core.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../core/decode/decode';
import { parseDocumentFile } from '../core/corpus/front-matter';
import type { CorpusDoc } from '../core/model/types';

const DOC_FILE = /\.(txt|md)$/i;

/** The corpus that ships in the package, resolved from this file so the cwd never matters. */
export const BUNDLED_CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

/** Paths of the document files below `dir`, relative with `/` separators, sorted. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const ids: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !DOC_FILE.test(e.name)) continue;
    // `parentPath` is Node 20.12+; `path` is its older name.
    const parent = (e as { parentPath?: string }).parentPath ?? (e as { path?: string }).path ?? dir;
    ids.push(path.relative(dir, path.join(parent, e.name)).split(path.sep).join('/'));
  }
  // Code-unit order, not locale order, so ids sort the same on every machine.
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads every .txt/.md below `dir` (recursively) as a document: id = relative path with `/` and its
 * extension; bytes decoded with the shared charset detection; front matter optional.
 * A file that cannot be decoded fails the whole load with a message naming it.
 */
export async function loadCorpusFolder(dir: string, origin: 'bundled' | 'user' = 'user'): Promise<CorpusDoc[]> {
  const ids = await listCorpusFiles(dir);
  return Promise.all(
    ids.map(async (id) => {
      const bytes = await readFile(path.join(dir, ...id.split('/')));
      let text: string;
      try {
        text = decodeBytes(bytes, { fileName: id }).text;
      } catch (err) {
        throw new Error(`${path.join(dir, id)}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return parseDocumentFile(id, text, origin);
    }),
  );
}
