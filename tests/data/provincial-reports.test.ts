// @vitest-environment node
// The bundled provincial reports against their source in ../shared: the import kept every
// character of each report from its salutation on (only the page masthead above it was dropped).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocumentFile } from '../../core/corpus/front-matter';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const src = path.join(repo, '..', 'shared', 'corpus-external', 'cn-provincial-gwr-2026');
const missing = !existsSync(src);

describe.skipIf(missing)(`bundled provincial reports against ${missing ? '(../shared missing: skipped)' : src}`, () => {
  it('keeps each report whole from its salutation, whitespace aside, under the province the source names', () => {
    const rows = readFileSync(path.join(src, 'index.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { n: number; province: string; title: string });
    const dir = path.join(repo, 'corpus', 'provincial');
    const bundled = readdirSync(dir).map((f) =>
      parseDocumentFile(`provincial/${f}`, readFileSync(path.join(dir, f), 'utf8'), 'bundled'),
    );
    expect(bundled.length).toBe(rows.length);
    for (const row of rows) {
      const content = readFileSync(path.join(src, `${String(row.n).padStart(4, '0')}.txt`), 'utf8');
      const body = content.slice(content.indexOf('\n\n') + 2);
      const fromSalutation = body.slice(body.search(/^\s*各位代表/m)).replace(/\s/g, '');
      const doc = bundled.find((d) => d.place === row.province);
      expect(doc, row.province).toBeDefined();
      expect(doc!.title).toBe(row.title);
      expect(doc!.body.replace(/\s/g, '')).toBe(fromSalutation);
      // What was dropped is the masthead only: a small share of the page.
      expect(fromSalutation.length / body.replace(/\s/g, '').length, row.province).toBeGreaterThan(0.97);
    }
  });
});
