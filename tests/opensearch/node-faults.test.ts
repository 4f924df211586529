// Faults with a real node, not a proxy: this file starts an OpenSearch of its own (its own data
// directory and free ports, so the suite's shared node is never touched) and kills it with SIGKILL,
// as a crash or the kernel's OOM killer would, in the middle of `suyuan index` and of
// `suyuan match`. The CLI must stop with a clear message and exit 3; after a restart a rerun of
// `index` must resume (send only what is missing) and leave no duplicate.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS_DIR, loadCorpusFolder } from '../../cli/corpus-folder';
import { OpenSearchClient } from '../../cli/opensearch/client';
import type { CorpusDoc } from '../../core/model/types';
import { syntheticSpeech } from '../fixtures/synthetic-speech';
import { removeCliCache, repo } from '../unit/cli/run-cli';
import { closedPort, skip } from './helpers';

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['java', 'javac', 'mvn', 'curl'].filter((t) => !has(t));
if (!skip && missing.length) console.warn(`\nOwn-node fault tests SKIPPED: ${missing.join(', ')} not found.\n`);

const INDEX = 'suyuan-fault-test';
const scratch = mkdtempSync(path.join(tmpdir(), 'suyuan-node-faults-'));
const osDir = path.join(scratch, 'os');
let nodeUrl = '';
let ports = { http: 0, transport: 0 };
let docs: CorpusDoc[] = [];

function startNode(keepData: boolean): void {
  execFileSync('bash', [path.join(repo, 'scripts/opensearch/opensearch-start.sh')], {
    cwd: scratch,
    env: {
      ...process.env,
      OS_DIR: osDir,
      OS_HTTP_PORT: String(ports.http),
      OS_TRANSPORT_PORT: String(ports.transport),
      OS_HEAP: '512m',
      ...(keepData ? { OS_KEEP_DATA: '1' } : {}),
    },
    stdio: 'inherit',
  });
}

function nodePid(): number {
  return Number(readFileSync(path.join(osDir, 'opensearch.pid'), 'utf8'));
}

async function killNode(): Promise<void> {
  const pid = nodePid();
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`OpenSearch pid ${pid} still alive after SIGKILL`);
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onOut(stdout, stderr)` is called as output arrives (to pull the plug at a moment). */
function cli(args: string[], onOut?: (out: string, err: string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'cli/bin.mjs'), ...args], {
      cwd: scratch,
      env: {
        ...process.env,
        SUYUAN_OPENSEARCH_INDEX: INDEX,
        SUYUAN_CACHE_DIR: 'off',
        SUYUAN_OPENSEARCH_TIMEOUT_MS: '600000',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      onOut?.(stdout, stderr);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      onOut?.(stdout, stderr);
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const count = async (): Promise<number> => {
  const client = new OpenSearchClient(nodeUrl);
  await client.request('POST', `/${INDEX}/_refresh`);
  return (await client.request<{ count: number }>('GET', `/${INDEX}/_count`))!.count;
};

describe.skipIf(skip || missing.length > 0)('a real OpenSearch node killed mid-run', () => {
  beforeAll(async () => {
    ports = { http: await closedPort(), transport: await closedPort() };
    nodeUrl = `http://127.0.0.1:${ports.http}`;
    // Reuse the jars and launcher the shared node was started from, when they are there.
    mkdirSync(osDir, { recursive: true });
    const shared = path.join(repo, '.opensearch');
    if (existsSync(path.join(shared, 'lib', '.done'))) symlinkSync(path.join(shared, 'lib'), path.join(osDir, 'lib'));
    if (existsSync(path.join(shared, 'classes', 'OsLauncher.class')))
      symlinkSync(path.join(shared, 'classes'), path.join(osDir, 'classes'));
    startNode(false);
    // The bundled corpus and 500 speeches the project writes: three bulk batches of 200.
    const bundled = (await loadCorpusFolder(BUNDLED_CORPUS_DIR, 'bundled')).docs;
    const written = Array.from({ length: 500 }, (_, i) => {
      const s = syntheticSpeech(1000 + i);
      return { id: `written/${i}.md`, title: s.title, body: s.body, date: s.date, origin: 'user' as const };
    });
    docs = [...bundled, ...written];
    const dir = path.join(scratch, 'corpus');
    for (const d of docs) {
      mkdirSync(path.dirname(path.join(dir, d.id)), { recursive: true });
      const front = `---\ntitle: ${JSON.stringify(d.title)}\n${d.date ? `date: ${d.date}\n` : ''}---\n`;
      writeFileSync(path.join(dir, d.id), front + d.body);
    }
  }, 600_000);

  afterAll(async () => {
    try {
      if (existsSync(path.join(osDir, 'opensearch.pid'))) await killNode();
    } catch {
      // already gone
    }
    removeCliCache();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('killed mid-index: exit 3 with a clear message; after a restart the rerun resumes, no duplicates', async () => {
    const corpus = path.join(scratch, 'corpus');
    let killed: Promise<void> | null = null;
    const first = await cli(['index', '--opensearch', nodeUrl, '--corpus', corpus], (_out, err) => {
      // The first batch is acknowledged, the second is on its way: pull the plug.
      if (!killed && /indexed 200\//.test(err)) killed = killNode();
    });
    await killed;
    expect(killed, first.stderr).not.toBeNull();
    expect(first.status).toBe(3);
    expect(first.stderr).toMatch(/OpenSearch at http:\/\/127\.0\.0\.1:\d+ is not reachable/);
    expect(first.stdout).toBe('');

    startNode(true);
    const stored = await count();
    expect(stored).toBeGreaterThanOrEqual(200);
    expect(stored).toBeLessThan(docs.length);
    const rerun = await cli(['index', '--opensearch', nodeUrl, '--corpus', corpus, '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    const report = JSON.parse(rerun.stdout) as { indexed: number; total: number };
    // Only what the killed run had not stored was sent again.
    expect(report.indexed).toBe(docs.length - stored);
    expect(await count()).toBe(docs.length);
    console.log(
      `killed after ${stored} of ${docs.length} documents were stored; the rerun sent ${report.indexed}; ` +
        `${await count()} documents in the index`,
    );
  }, 900_000);

  it('killed mid-match: exit 3 with a clear message, only whole results before it', async () => {
    const pages = Array.from({ length: 12 }, (_, i) => {
      const file = path.join(scratch, `page-${i}.txt`);
      writeFileSync(file, docs[(i * 37) % docs.length]!.body.slice(0, 3000));
      return file;
    });
    let killed: Promise<void> | null = null;
    const r = await cli(['match', ...pages, '--json', '--opensearch', nodeUrl], (out) => {
      if (!killed && out.includes('\n')) killed = killNode();
    });
    await killed;
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/OpenSearch at http:\/\/127\.0\.0\.1:\d+ is not reachable/);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThan(pages.length);
    for (const l of lines) expect((JSON.parse(l) as { file: string }).file).toMatch(/page-\d+\.txt$/);
    console.log(`match killed after ${lines.length} of ${pages.length} files; stderr: ${r.stderr.trim()}`);
  }, 600_000);
});
