// @vitest-environment node
// Issue 13, faults 5–9, through the real executable: files with a few bad bytes, BOM-less UTF-16
// and named binary formats; corpus folders with bad files and symbolic links; a damaged index
// cache; terminal escapes in corpus titles. Bundled corpus texts only.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledDoc, jsonLines, removeCliCache, runCli, tempDir } from './run-cli';

const SEED_001 = bundledDoc('seeds/001_580fba34ab55489b.md').body;
const SEED_003 = bundledDoc('seeds/003_f0052eeadbfa9f7c.md').body;
const tmp = tempDir();
afterAll(() => {
  tmp.cleanup();
  removeCliCache();
});
const isRoot = process.getuid?.() === 0;

describe('files: degrade, detect, name', () => {
  it('one invalid byte: the file is analysed, stderr warns naming it and the count, exit 0', async () => {
    const bytes = Buffer.from(SEED_003, 'utf8');
    const at = Buffer.from(SEED_003.slice(0, 200), 'utf8').length;
    const file = tmp.write(
      'one-bad-byte.txt',
      Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]),
    );
    const r = await runCli(['match', file, '--json']);
    expect(r.status).toBe(0);
    const [o] = jsonLines(r.stdout);
    expect(o!.text).toBe(SEED_003.slice(0, 200) + '\uFFFD' + SEED_003.slice(200));
    expect((o!.passages as unknown[]).length).toBeGreaterThan(0);
    expect(r.stderr).toBe(`suyuan: ${file}: warning: 1 invalid byte sequence replaced with U+FFFD (read as utf-8)\n`);
  }, 60_000);

  it('BOM-less UTF-16 is read; PNG, ZIP and OLE are named', async () => {
    const utf16 = tmp.write('utf16-nobom.txt', iconv.encode(SEED_001, 'utf16-le'));
    const png = tmp.write(
      'pic.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]),
    );
    const zip = tmp.write('arch.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
    const ole = tmp.write('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const r = await runCli(['detect', utf16, png, zip, ole, '--json']);
    expect(jsonLines(r.stdout).map((o) => o.file)).toEqual([utf16]);
    expect(r.stderr).toContain(`${png}: looks like a binary file (PNG)`);
    expect(r.stderr).toContain(`${zip}: looks like a binary file (ZIP archive)`);
    expect(r.stderr).toContain(`${ole}: looks like a binary file (Word/Excel 97–2003 (OLE))`);
    expect(r.stderr).not.toContain(utf16);
  }, 60_000);
});

describe('--corpus folders: bad files named, links followed once', () => {
  const corpus = tempDir();
  const outside = tempDir();
  corpus.write('good/a.txt', `会议讲话\n\n${SEED_003}`);
  corpus.write('empty.txt', '');
  corpus.write('pic.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  corpus.write('unreadable.txt', '会议记录\n\n今天开会。');
  outside.write('linked/b.md', `---\ntitle: 收心会讲话\n---\n\n${SEED_001}\n`);
  symlinkSync(path.join(outside.dir, 'linked'), path.join(corpus.dir, 'via-link'));
  symlinkSync(path.join(outside.dir, 'linked', 'b.md'), path.join(corpus.dir, 'file-link.md'));
  symlinkSync(corpus.dir, path.join(corpus.dir, 'good', 'loop'));
  symlinkSync(path.join(corpus.dir, 'nowhere.txt'), path.join(corpus.dir, 'dangling.txt'));
  if (!isRoot) chmodSync(path.join(corpus.dir, 'unreadable.txt'), 0);
  afterAll(() => {
    corpus.cleanup();
    outside.cleanup();
  });

  it('loads every good file (through links too), names each bad one with its reason, exit 1', async () => {
    const r = await runCli(['lookup', '扯回销', '--corpus', corpus.dir, '--json']);
    const [o] = jsonLines(r.stdout);
    expect((o!.hits as { docId: string }[]).map((h) => h.docId).sort()).toEqual(['file-link.md', 'via-link/b.md']);
    const err = r.stderr;
    expect(err).toContain(`${path.join(corpus.dir, 'empty.txt')}: skipped: file is empty`);
    expect(err).toContain(`${path.join(corpus.dir, 'pic.md')}: skipped: looks like a binary file (PNG)`);
    expect(err).toMatch(/dangling\.txt: skipped: broken link/);
    expect(err).toMatch(/good\/loop: skipped: link to a folder already read/);
    if (!isRoot)
      expect(err).toContain(`${path.join(corpus.dir, 'unreadable.txt')}: skipped: cannot read: permission denied`);
    expect(r.status).toBe(1);
    const m = await runCli(['match', tmp.write('page.txt', SEED_003), '--corpus', corpus.dir, '--json']);
    expect((jsonLines(m.stdout)[0]!.candidates as { id: string }[])[0]!.id).toBe('good/a.txt');
  }, 60_000);
});

describe('index cache verifies itself', () => {
  const corpus = tempDir();
  corpus.write('a.txt', `会议讲话\n\n${SEED_003}`);
  corpus.write('b.txt', `收心会讲话\n\n${SEED_001}`);
  const cache = tempDir();
  const env = { SUYUAN_CACHE_DIR: cache.dir };
  const page = tmp.write('copy.txt', SEED_003);
  afterAll(() => {
    corpus.cleanup();
    cache.cleanup();
  });
  const match = () => runCli(['match', page, '--corpus', corpus.dir, '--json'], env);
  const cacheFile = () =>
    path.join(
      cache.dir,
      readdirSync(cache.dir).find((f) => f.endsWith('.json'))!,
    );

  it('a corrupted entry with a valid key is rebuilt, said once on stderr, with the right results', async () => {
    const first = await match();
    expect(first.stderr).toBe('');
    const expected = jsonLines(first.stdout);
    expect((expected[0]!.passages as unknown[]).length).toBeGreaterThan(0);
    // Damage the snapshot behind an intact header: empty every posting list it holds.
    const file = cacheFile();
    const raw = readFileSync(file, 'utf8');
    const nl = raw.indexOf('\n');
    writeFileSync(file, raw.slice(0, nl + 1) + raw.slice(nl + 1).replace(/"[A-Za-z0-9+/=]{40,}"/g, '""'));
    const damaged = await match();
    expect(damaged.status).toBe(0);
    expect(jsonLines(damaged.stdout)).toEqual(expected);
    expect(damaged.stderr).toMatch(/^suyuan: index cache .+ is damaged \(checksum mismatch\); rebuilding it\n$/);
    const again = await match();
    expect(again.stderr).toBe('');
    expect(jsonLines(again.stdout)).toEqual(expected);
  }, 90_000);

  it('a truncated entry is rebuilt too; a blocked cache path leaves no temporary file', async () => {
    const file = cacheFile();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    const r = await match();
    expect(r.stderr).toMatch(/is damaged/);
    rmSync(file);
    mkdirSync(file); // the cache file's path is taken by a folder: writing must fail cleanly
    const blocked = await match();
    expect(blocked.status).toBe(0);
    expect(readdirSync(cache.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});

describe('readable output', () => {
  it('strips control and bidi characters from corpus titles and ids', async () => {
    const corpus = tempDir();
    corpus.write(
      'evil\u202e.txt',
      `---\ntitle: "讲话\x1b]8;;http://x\x07链接\x1b[2J\u202e\u2066标题"\n---\n\n${SEED_003}\n`,
    );
    try {
      const r = await runCli(['match', tmp.write('p.txt', SEED_003), '--corpus', corpus.dir]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('讲话');
      // No control or bidi character may reach the terminal.
      expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/);
    } finally {
      corpus.cleanup();
    }
  }, 60_000);
});
