// Reads the shared test data (/work/shared, or <repo>/../shared in CI) as CorpusDoc values.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import type { CorpusDoc } from '../../core/model/types';

export const SHARED = fileURLToPath(new NodeURL('../../../shared/', import.meta.url));

/** `title:` / `source:` header, a blank line, then the body (files without a header: all body). */
export function parseSharedFile(id: string, content: string): CorpusDoc {
  const text = content.replace(/^\uFEFF/, '');
  const m = /^title: (.*)\r?\n(?:source: (.*)\r?\n)?\r?\n/.exec(text);
  if (!m) return { id, title: id, body: text, origin: 'user' };
  return { id, title: m[1]!.trim(), source: m[2]?.trim(), body: text.slice(m[0].length), origin: 'user' };
}

/** Every document of one corpus folder (e.g. 'corpus-external'), ids like 'xi-speeches-2020/0008'. */
export function loadShared(folder: string): CorpusDoc[] {
  const root = join(SHARED, folder);
  const out: CorpusDoc[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
      else if (e.name.endsWith('.txt') && !/^README/i.test(e.name)) {
        const id = (rel ? `${rel}/` : '') + e.name.replace(/\.txt$/, '');
        out.push(parseSharedFile(id, readFileSync(join(dir, e.name), 'utf8')));
      }
    }
  };
  if (existsSync(root)) walk(root, '');
  return out;
}
