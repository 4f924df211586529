// @vitest-environment node
// The CLI's evidence output: leftovers first in the readable report, the page's date from its
// front matter, and a FILE inside the corpus folder never compared with itself.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentFile } from '../../../core/corpus/front-matter';
import { removeCliCache, repo, runCli } from '../cli/run-cli';

const SEED = 'seeds/002_576c2e6f06f9add2.md';
let dir: string;
let page: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'suyuan-evidence-'));
  const seed = parseDocumentFile(SEED, readFileSync(path.join(repo, 'corpus', SEED), 'utf8'));
  let k = 0;
  const body = seed.body
    .replaceAll('全市', '全县')
    .replaceAll('市委', '县委')
    .replaceAll('西宁', (m) => (k++ === 0 ? '平乐' : m));
  page = `---\ntitle: 在平乐县组织部长会议上的讲话\ndate: 2023-03-02\n---\n\n在平乐县组织部长会议上的讲话\n${body}\n`;
  writeFileSync(path.join(dir, 'county.md'), page);
  mkdirSync(path.join(dir, 'corpus', 'seeds'), { recursive: true });
  copyFileSync(path.join(repo, 'corpus', SEED), path.join(dir, 'corpus', SEED));
  copyFileSync(path.join(dir, 'county.md'), path.join(dir, 'corpus', 'county.md'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeCliCache();
});

describe('suyuan match: evidence', () => {
  it('prints the leftovers first, right under the file line', async () => {
    const r = await runCli(['match', path.join(dir, 'county.md')], { NO_COLOR: '1' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('2023-03-02, 平乐县');
    expect(lines[1]).toMatch(/遗留 leftovers/);
    expect(lines[2]).toMatch(/西宁 +地名 place/);
    expect(lines[3]).toContain('来源写作 西宁；本页其他处写作 平乐');
  }, 60_000);

  it('the JSON names the page date from front matter and both 西宁 as place leftovers', async () => {
    const r = await runCli(['match', path.join(dir, 'county.md'), '--json']);
    const o = JSON.parse(r.stdout.trim()) as {
      date: string;
      place: string;
      leftovers: { kind: string; text: string; docId: string }[];
    };
    expect(o.date).toBe('2023-03-02');
    expect(o.place).toBe('平乐县');
    expect(o.leftovers.filter((l) => l.kind === 'place')).toEqual([
      expect.objectContaining({ text: '西宁', docId: SEED }),
      expect.objectContaining({ text: '西宁', docId: SEED }),
    ]);
  }, 60_000);

  it('a FILE that is itself in the corpus folder is not its own source', async () => {
    const corpus = path.join(dir, 'corpus');
    const r = await runCli(['match', path.join(corpus, 'county.md'), '--corpus', corpus, '--json']);
    const o = JSON.parse(r.stdout.trim()) as { candidates: { id: string }[]; passages: { docId: string }[] };
    expect(o.candidates.map((c) => c.id)).toEqual([SEED]);
    expect(new Set(o.passages.map((p) => p.docId))).toEqual(new Set([SEED]));
    const human = await runCli(['match', path.join(corpus, 'county.md'), '--corpus', corpus], { NO_COLOR: '1' });
    expect(human.stdout).toContain('已存入你的语料库');
  }, 60_000);
});
