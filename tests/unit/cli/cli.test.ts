// @vitest-environment node
// The CLI's public JSON Lines contract, exercised through the real executable on temp files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import iconv from 'iconv-lite';
import { run } from '../../../cli/main';
import {
  bigramContainment,
  bundledDoc,
  jsonLines,
  removeCliCache,
  repo,
  runCli,
  tempDir,
  type CliResult,
} from './run-cli';
import { texts as fixtureTexts } from '../../fixtures/corpus';

const SEED_000 = 'seeds/000_c5f98e3d9855bd8c.md';
const SEED_001 = 'seeds/001_580fba34ab55489b.md';
const SEED_002 = 'seeds/002_576c2e6f06f9add2.md';
const SEED_003 = 'seeds/003_f0052eeadbfa9f7c.md';
const SEED_004 = 'seeds/004_25e97af9508870d1.md';

const tmp = tempDir();
const sample = path.join(repo, 'samples', 'sample-page.html');

/** Paragraphs of a Traditional seed that Big5 can represent (Big5 lacks e.g. 后, which the page uses). */
function big5Text(): string {
  return bundledDoc(SEED_004)
    .body.split('\n')
    .filter((p) => p && iconv.decode(iconv.encode(p, 'big5'), 'big5') === p)
    .join('\n');
}

const texts = {
  utf8: bundledDoc(SEED_002).body,
  gbk: bundledDoc(SEED_000).body,
  big5: big5Text(),
  utf16: bundledDoc(SEED_001).body,
};
const negative = fixtureTexts('fiction')[0]!.body;

const files = {
  utf8: tmp.write('utf8.txt', texts.utf8),
  gbk: tmp.write('gbk.txt', iconv.encode(texts.gbk, 'gbk')),
  big5: tmp.write('big5.txt', iconv.encode(texts.big5, 'big5')),
  utf16: tmp.write('utf16.txt', iconv.encode(texts.utf16, 'utf16-le', { addBOM: true })),
  negative: tmp.write('negative.md', negative),
  missing: path.join(tmp.dir, 'missing.txt'),
  empty: tmp.write('empty.txt', ''),
  binary: tmp.write(
    'binary.txt',
    Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256),
  ),
};

afterAll(() => {
  tmp.cleanup();
  removeCliCache();
});

function expectKeys(o: Record<string, unknown>, keys: string[]) {
  expect(Object.keys(o).sort()).toEqual([...keys].sort());
}

function expectBadFilesReported(r: CliResult, bad: string[]) {
  expect(r.status).not.toBe(0);
  for (const f of bad) expect(r.stderr).toContain(f);
  expect(r.stderr.split('\n').filter(Boolean).length).toBe(bad.length);
}

describe('suyuan match --json (bundled corpus)', () => {
  let r: CliResult;
  const order = [files.utf8, files.gbk, files.missing, files.big5, files.utf16, files.empty, sample, files.binary];
  beforeAll(async () => {
    r = await runCli(['match', ...order, '--json', '--top', '3']);
  }, 120_000);

  it('reports each bad file on stderr, exits non-zero, still outputs the good ones in order', () => {
    expectBadFilesReported(r, [files.missing, files.empty, files.binary]);
    expect(jsonLines(r.stdout).map((o) => o.file)).toEqual([files.utf8, files.gbk, files.big5, files.utf16, sample]);
  });

  it('decodes UTF-8, GBK, Big5 and UTF-16 files to the exact text', () => {
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.text).slice(0, 4)).toEqual([texts.utf8, texts.gbk, texts.big5, texts.utf16]);
  });

  it('emits exactly the contract keys and types, offsets valid, doc slices resembling page slices', () => {
    for (const o of jsonLines(r.stdout)) {
      expectKeys(o, ['file', 'text', 'candidates', 'passages', 'reuseRatio', 'date', 'place', 'leftovers']);
      const text = o.text as string;
      expect(o.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.date as string)).toBe(true);
      expect(o.place === null || typeof o.place === 'string').toBe(true);
      for (const l of o.leftovers as Record<string, unknown>[]) {
        expectKeys(l, ['start', 'end', 'text', 'kind', 'docId', 'evidence']);
        expect(text.slice(l.start as number, l.end as number)).toBe(l.text);
        expect(['place', 'person', 'organisation', 'date', 'placeholder']).toContain(l.kind);
        expect(l.docId === null).toBe(l.kind === 'placeholder');
        expect(typeof l.evidence).toBe('string');
      }
      expect(typeof o.reuseRatio).toBe('number');
      expect(o.reuseRatio).toBeGreaterThanOrEqual(0);
      expect(o.reuseRatio).toBeLessThanOrEqual(1);
      const candidates = o.candidates as Record<string, unknown>[];
      expect(candidates.length).toBeGreaterThan(0);
      expect(candidates.length).toBeLessThanOrEqual(3);
      for (const c of candidates) {
        expectKeys(c, ['id', 'title', 'score']);
        expect(typeof c.id).toBe('string');
        expect(typeof c.title).toBe('string');
        expect(typeof c.score).toBe('number');
      }
      const scores = candidates.map((c) => c.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const passages = o.passages as Record<string, unknown>[];
      expect(passages.length).toBeGreaterThan(0);
      for (const p of passages) {
        expectKeys(p, ['start', 'end', 'docId', 'docStart', 'docEnd', 'similarity', 'holders', 'origin', 'alsoIn']);
        expect((p.holders as string[])[0]).toBe(p.docId);
        if (p.origin !== null) expectKeys(p.origin as Record<string, unknown>, ['docId', 'date']);
        expect(Array.isArray(p.alsoIn) && (p.alsoIn as unknown[]).length <= 20).toBe(true);
        const { start, end, docStart, docEnd } = p as Record<string, number>;
        for (const n of [start, end, docStart, docEnd]) expect(Number.isInteger(n)).toBe(true);
        expect(0 <= start! && start! < end! && end! <= text.length).toBe(true);
        expect(text.slice(start, end).trim()).not.toBe('');
        const body = bundledDoc(p.docId as string).body;
        expect(0 <= docStart! && docStart! < docEnd! && docEnd! <= body.length).toBe(true);
        expect(bigramContainment(text.slice(start, end), body.slice(docStart, docEnd))).toBeGreaterThan(0.5);
        expect(p.similarity).toBeGreaterThan(0);
        expect(p.similarity).toBeLessThanOrEqual(1);
      }
    }
  });

  it('finds each copied seed first, and mostly reused', () => {
    const out = jsonLines(r.stdout);
    const top = out.map((o) => (o.candidates as { id: string }[])[0]!.id);
    expect(top).toEqual([SEED_002, SEED_000, SEED_004, SEED_001, SEED_000]);
    for (const o of out.slice(0, 4)) expect(o.reuseRatio).toBeGreaterThan(0.8);
  });

  it('analyses the main text of the GBK HTML page, not its navigation, sidebar or footer', () => {
    const page = jsonLines(r.stdout)[4]!;
    const text = page.text as string;
    expect(text).toContain('讲党性、重品行、作表率');
    expect(text).toContain('王建国部长');
    for (const chrome of ['ICP', '相关文章', '设为首页', '当前位置']) expect(text).not.toContain(chrome);
    expect(page.passages as unknown[]).not.toHaveLength(0);
  });
});

describe('suyuan detect --json', () => {
  it('gives the contract keys per file, scripts right, speeches above fiction', async () => {
    const r = await runCli(['detect', files.utf8, files.big5, sample, files.negative, files.missing, '--json']);
    expectBadFilesReported(r, [files.missing]);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.file)).toEqual([files.utf8, files.big5, sample, files.negative]);
    for (const o of out) {
      expectKeys(o, ['file', 'speechLike', 'score', 'script', 'reasons']);
      expect(typeof o.speechLike).toBe('boolean');
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
      expect(['simplified', 'traditional', 'mixed']).toContain(o.script);
      expect((o.reasons as unknown[]).every((s) => typeof s === 'string')).toBe(true);
    }
    expect(out.map((o) => o.script).slice(0, 3)).toEqual(['simplified', 'traditional', 'simplified']);
    expect(out[0]!.speechLike).toBe(true);
    expect(out[2]!.speechLike).toBe(true);
    expect(out[0]!.score as number).toBeGreaterThan(out[3]!.score as number);
  }, 60_000);
});

describe('suyuan boilerplate --json', () => {
  it('gives spans whose phrase is the page text at their offsets', async () => {
    const r = await runCli(['boilerplate', sample, files.empty, '--json']);
    expectBadFilesReported(r, [files.empty]);
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(1);
    const o = out[0]!;
    expectKeys(o, ['file', 'text', 'spans']);
    const text = o.text as string;
    const spans = o.spans as Record<string, unknown>[];
    // The page borrows the 2023 work report's formula sentences: some span must be found.
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expectKeys(s, ['start', 'end', 'phrase', 'docFreq', 'firstSeen']);
      if (s.firstSeen !== null) expectKeys(s.firstSeen as Record<string, unknown>, ['docId', 'date']);
      const { start, end, docFreq } = s as Record<string, number>;
      expect(0 <= start! && start! < end! && end! <= text.length).toBe(true);
      expect(s.phrase).toBe(text.slice(start, end));
      expect(Number.isInteger(docFreq) && docFreq! >= 1).toBe(true);
    }
  }, 120_000);
});

describe('suyuan lookup --json', () => {
  it('returns one object with hits pointing at the phrase in the document body', async () => {
    const r = await runCli(['lookup', '稳中求进工作总基调', '--limit', '2', '--json']);
    expect(r.status).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(1);
    const o = out[0]!;
    expectKeys(o, ['query', 'total', 'docs', 'hits']);
    expect(o.query).toBe('稳中求进工作总基调');
    // Documents over all occurrences, not the two hits shown.
    expect(o.docs as number).toBeGreaterThan(2);
    const hits = o.hits as Record<string, unknown>[];
    expect(hits).toHaveLength(2);
    expect(o.total as number).toBeGreaterThan(2);
    for (const h of hits) {
      expectKeys(h, ['docId', 'title', 'start', 'end', 'context']);
      const doc = bundledDoc(h.docId as string);
      expect(h.title).toBe(doc.title);
      const slice = doc.body.slice(h.start as number, h.end as number);
      expect(slice.replace(/\s/g, '')).toBe('稳中求进工作总基调');
      expect(h.context as string).toContain(slice);
    }
  }, 120_000);
});

describe('suyuan with --corpus FOLDER', () => {
  const corpus = tempDir();
  const a = `在全区组织工作大讨论活动上的发言\n\n${bundledDoc(SEED_003).body}`;
  corpus.write('讲话/a.txt', iconv.encode(a, 'gbk'));
  corpus.write('b.md', `---\ntitle: 收心会讲话\nsource: 测试\n---\n\n${bundledDoc(SEED_001).body}\n`);
  const page = tmp.write('copy-of-a.txt', bundledDoc(SEED_003).body);
  afterAll(() => corpus.cleanup());

  it('match: ids are relative paths with `/` and extension, title from the first line', async () => {
    const r = await runCli(['match', page, '--corpus', corpus.dir, '--json']);
    expect(r.status).toBe(0);
    const [o] = jsonLines(r.stdout);
    const c = (o!.candidates as { id: string; title: string }[])[0]!;
    expect(c).toMatchObject({ id: '讲话/a.txt', title: '在全区组织工作大讨论活动上的发言' });
    for (const p of o!.passages as { docId: string; docStart: number; docEnd: number; start: number; end: number }[]) {
      expect(p.docId).toBe('讲话/a.txt');
      expect(
        bigramContainment(page && (o!.text as string).slice(p.start, p.end), a.slice(p.docStart, p.docEnd)),
      ).toBeGreaterThan(0.5);
    }
  }, 60_000);

  it('lookup: hits carry front-matter titles and body offsets', async () => {
    const r = await runCli(['lookup', '扯回销', '--corpus', corpus.dir, '--json']);
    expect(r.status).toBe(0);
    const [o] = jsonLines(r.stdout);
    expect(o!.total).toBe(1);
    const [h] = o!.hits as { docId: string; title: string; start: number; end: number }[];
    expect(h).toMatchObject({ docId: 'b.md', title: '收心会讲话' });
    expect(bundledDoc(SEED_001).body.slice(h!.start, h!.end)).toBe('扯回销');
  }, 60_000);

  it('a missing corpus folder is an error naming it', async () => {
    const r = await runCli(['lookup', '同志们', '--corpus', path.join(corpus.dir, 'nope'), '--json']);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nope');
  }, 60_000);
});

describe('usage', () => {
  // The argument table runs in-process (same run() the executable calls); one spawn checks the exit code.
  it.each([
    [[]],
    [['--help']],
    [['match', '--help']],
    [['frobnicate', 'x.txt']],
    [['match', 'x.txt', '--bogus']],
    [['match', 'x.txt', '--top', '0']],
    [['lookup', 'x', '--limit', 'many']],
    [['detect', 'x.txt', '--corpus', '/tmp']],
    [['lookup']],
    [['lookup', 'a', 'b']],
    [['boilerplate', '--json']],
  ])('%j → usage on stderr, exit 2', async (args) => {
    let out = '';
    let err = '';
    const status = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Usage: suyuan');
  });

  it('the executable exits 2 with usage on stderr', async () => {
    const r = await runCli(['match', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: suyuan');
    expect(r.stderr).toContain('--bogus');
  }, 30_000);
});

describe('readable output', () => {
  it('reports reuse and candidates without colour codes when not a TTY', async () => {
    const r = await runCli(['match', sample]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/reuse \d+\.\d%/);
    expect(r.stdout).toContain(SEED_000);
    expect(r.stdout).not.toContain('\x1b[');
  }, 60_000);
});
