// What the corpus import scripts share: reading a corpus-external source folder (index.jsonl plus
// NNNN.txt files with a `title:`/`source:` header) and writing documents into corpus/ in the
// canonical front-matter form the bundled-corpus tests check.
import { readFile, writeFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serializeDocument } from '../../core/corpus/front-matter';
import type { CorpusDoc } from '../../core/model/types';
import { SHARED } from '../../tests/fixtures/shared';

/** The folder of one corpus-external source, beside the repository. */
export function externalSource(name: string): URL {
  return pathToFileURL(`${join(SHARED, 'corpus-external', name)}/`);
}

/** The rows of a source's index.jsonl, in file order. */
export async function readIndexRows<Row>(srcDir: URL): Promise<Row[]> {
  return (await readFile(new URL('index.jsonl', srcDir), 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** The content of source file number `n` (0001.txt…). */
export function readSourceFile(srcDir: URL, n: number): Promise<string> {
  return readFile(new URL(`${String(n).padStart(4, '0')}.txt`, srcDir), 'utf8');
}

/** The body of a source file: everything after its `title:`/`source:` header and blank line. */
export function sourceBody(content: string): string {
  const sep = content.indexOf('\n\n');
  if (sep < 0 || !content.startsWith('title:')) throw new Error('unexpected source file header');
  return tidyBody(content.slice(sep + 2));
}

/** Trailing whitespace off every line, blank-line runs collapsed, blank ends trimmed. */
export function tidyBody(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Replaces the .md files of `outDir` (a folder under corpus/) with `docs`, each written as
 * `<outDir>/<last segment of its id>`. Ids must be unique.
 */
export async function writeCorpusDocs(outDir: URL, docs: CorpusDoc[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const f of await readdir(outDir)) if (f.endsWith('.md')) await rm(new URL(f, outDir));
  const names = new Set<string>();
  for (const doc of docs) {
    const name = doc.id.slice(doc.id.lastIndexOf('/') + 1);
    if (names.has(name)) throw new Error(`duplicate file name ${name}`);
    names.add(name);
    await writeFile(new URL(name, outDir), serializeDocument(doc));
  }
}
