// @vitest-environment node
// No text of the sources that may not ship is in the bundled corpus, whatever its metadata says:
// each of their documents is probed with a 40-character run from its middle.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocumentFile } from '../../core/corpus/front-matter';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const ext = path.join(repo, '..', 'shared', 'corpus-external');
const missing = !existsSync(ext);

describe.skipIf(missing)(`bundled corpus against ${missing ? '(../shared missing: skipped)' : ext}`, () => {
  it('holds no text from xi-speeches-2020 or hk-legco-hansard-2013', () => {
    const corpus = path.join(repo, 'corpus');
    const all = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => parseDocumentFile(f, readFileSync(path.join(corpus, f), 'utf8')).body.replace(/\s/g, ''))
      .join('\u0000');
    for (const source of ['xi-speeches-2020', 'hk-legco-hansard-2013']) {
      for (const f of readdirSync(path.join(ext, source)).filter((n) => n.endsWith('.txt'))) {
        const body = readFileSync(path.join(ext, source, f), 'utf8')
          .split('\n\n')
          .slice(1)
          .join('')
          .replace(/\s/g, '');
        const mid = Math.floor(body.length / 2);
        expect(all.includes(body.slice(mid, mid + 40)), `${source}/${f}`).toBe(false);
      }
    }
  });
});
