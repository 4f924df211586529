// The OpenSearch backend beside the embedded engine, in one run, on synthetic corpora of
// ~5,000-character speeches spliced from the bundled reports (fixed seed): indexing throughput,
// match and lookup p50/p95, OpenSearch heap and disk per million characters.
// Usage: npm run bench:opensearch  (needs a running OpenSearch, e.g. npm run opensearch:start)
// Env: BENCH_OS_URL (http://127.0.0.1:9200), BENCH_OS_SIZES (comma list, default "10000"),
//      BENCH_OS_PAGES (match pages per size, 30), BENCH_OS_PHRASES (40), BENCH_OS_PID (Java PID for RSS),
//      BENCH_OS_KEEP=1 (keep the index afterwards, and reuse one left by an earlier run of the same size:
//      the index rows then say so instead of timing bulk loading).
import { constants as bufferConstants } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { lookupOver, matchOver } from '../core/backend/remote-analyse';
import { createEngine } from '../core/engine';
import { normalize } from '../core/text/normalize';
import type { CorpusDoc } from '../core/model/types';
import { BUNDLED_CORPUS_DIR, loadCorpusFolder } from '../cli/corpus-folder';
import { OpenSearchBackend } from '../cli/opensearch/backend';
import { OpenSearchClient } from '../cli/opensearch/client';
import { indexCorpus, type IndexReport } from '../cli/opensearch/indexer';
import { excerpt, heavyEdit, lightEdit } from '../tests/fixtures/reuse-cases';
import { rng, type Rng } from '../tests/fixtures/rng';
import { paragraphPool, syntheticCorpus } from './lib/synthetic-corpus';

const URL_ = process.env.BENCH_OS_URL ?? 'http://127.0.0.1:9200';
const SIZES = (process.env.BENCH_OS_SIZES ?? '10000').split(',').map(Number);
const PAGES = Number(process.env.BENCH_OS_PAGES ?? 30);
const PHRASES = Number(process.env.BENCH_OS_PHRASES ?? 40);
const KEEP = process.env.BENCH_OS_KEEP === '1';
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
};
const f = (x: number, d = 1): string => x.toFixed(d);

/** Progress on stderr with the time and load, so a long run can be followed from its log. */
const step = (what: string): void => {
  const load = os
    .loadavg()
    .map((x) => f(x))
    .join(' ');
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)} load ${load}] ${what}\n`);
};

/** CPU seconds a process has used so far (Linux /proc), NaN when it cannot be read. */
function cpuSeconds(pid: string | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100) ticks
  } catch {
    return NaN;
  }
}

function javaPid(): string | undefined {
  if (process.env.BENCH_OS_PID) return process.env.BENCH_OS_PID;
  try {
    return readFileSync('.opensearch/opensearch.pid', 'utf8').trim();
  } catch {
    return undefined;
  }
}

function pages(r: Rng, docs: CorpusDoc[], n: number): string[] {
  return Array.from({ length: n }, () => {
    const a = r.pick(docs).body;
    const b = r.pick(docs).body;
    return lightEdit(r, excerpt(r, a, 2000)) + '\n' + heavyEdit(r, excerpt(r, b, 1500));
  });
}

function phrases(r: Rng, docs: CorpusDoc[], n: number): string[] {
  const out = ['高质量发展', '以习近平同志为核心的党中央', '人民群众', '新发展理念', '全面从严治党'];
  while (out.length < n) {
    const d = r.pick(docs).body;
    const len = r.int(4, 20);
    const at = r.int(0, Math.max(0, d.length - len));
    const q = d.slice(at, at + len);
    if (!/\s/.test(q)) out.push(q);
  }
  return out;
}

async function timed<T>(xs: T[], fn: (x: T) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const x of xs) {
    const t = performance.now();
    await fn(x);
    out.push(performance.now() - t);
  }
  return out;
}

/** V8's longest string: the embedded engine joins the whole normalised corpus into one. */
const MAX_STRING = bufferConstants.MAX_STRING_LENGTH;

interface EmbeddedRun {
  buildMs: number;
  buildCpuS: number;
  heap: number;
  match: number[];
  lookup: number[];
}

async function runEmbedded(
  docs: CorpusDoc[],
  chars: number,
  ps: string[],
  qs: string[],
): Promise<EmbeddedRun | string> {
  // Normalising never lengthens a text, so the bodies plus one separator each bound the joined text.
  if (chars + docs.length > MAX_STRING) {
    const norm = docs.reduce((a, d) => a + normalize(d.body).text.length + 1, 0);
    if (norm > MAX_STRING)
      return `cannot hold it: the normalised corpus is ${norm.toLocaleString('en')} characters in one string, over V8's maximum string length of ${MAX_STRING.toLocaleString('en')}`;
  }
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const engine = createEngine(docs);
  const buildMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  gc();
  const heap = process.memoryUsage().heapUsed - heap0;
  step(`embedded engine built in ${f(buildMs / 1000)} s; matching ${ps.length} pages`);
  const match = await timed(ps, (p) => engine.match(p));
  step(`looking up ${qs.length} phrases`);
  const lookup = await timed(qs, (q) => engine.lookup(q));
  return { buildMs, buildCpuS: (cpu.user + cpu.system) / 1e6, heap, match, lookup };
}

/** Force-merges to one segment and waits for it, however long it takes (the task is polled, so
 *  no HTTP request waits for the merge itself). */
async function forceMerge(client: OpenSearchClient, index: string): Promise<void> {
  const r = await client.request<{ task?: string }>(
    'POST',
    `/${index}/_forcemerge?max_num_segments=1&wait_for_completion=false`,
  );
  const task = r?.task;
  while (task) {
    const t = await client.request<{ completed: boolean }>('GET', `/_tasks/${task}`);
    if (t?.completed) break;
    await new Promise((res) => setTimeout(res, 5000));
  }
  // A refresh lets go of the readers that held the merged-away segments, so their files go.
  await client.request('POST', `/${index}/_refresh`);
}

/** Bytes in the index's live segments (what a merged index keeps) and in its store now. */
async function diskBytes(client: OpenSearchClient, index: string): Promise<{ segments: number; store: number }> {
  const segs = (await client.request<{ size: string }[]>('GET', `/_cat/segments/${index}?format=json&bytes=b`))!;
  const stats = (await client.request<{ _all: { primaries: { store: { size_in_bytes: number } } } }>(
    'GET',
    `/${index}/_stats/store`,
  ))!;
  return { segments: segs.reduce((a, x) => a + Number(x.size), 0), store: stats._all.primaries.store.size_in_bytes };
}

async function benchSize(pool: string[], n: number, client: OpenSearchClient): Promise<void> {
  const r = rng(16_000 + n);
  step(`generating ${n} synthetic speeches`);
  const docs = syntheticCorpus(r, pool, n);
  const chars = docs.reduce((a, d) => a + d.body.length, 0);
  const Mc = chars / 1e6;
  const ps = pages(r, docs, PAGES);
  const qs = phrases(r, docs, PHRASES);
  console.log(
    `\n== ${n} speeches, ${f(Mc, 1)} M chars; ${PAGES} match pages, ${qs.length} phrases; load ${os
      .loadavg()
      .map((x) => f(x))
      .join(' ')}`,
  );
  step(`building the embedded engine over ${f(Mc, 1)} M chars`);
  const emb = await runEmbedded(docs, chars, ps, qs);

  const index = `suyuan-bench-${n}`;
  const pid = javaPid();
  const jcpu0 = cpuSeconds(pid);
  step(`bulk loading ${index}`);
  const t = performance.now();
  const rep = await indexCorpus(client, index, docs, {
    reindex: !KEEP,
    progress: (l) => (/^indexed \d+0{3}\//.test(l) || !l.startsWith('indexed') ? step(l) : undefined),
  });
  const indexMs = performance.now() - t;
  const jcpu = cpuSeconds(pid) - jcpu0;
  step('flush and force-merge to one segment');
  await client.request('POST', `/${index}/_flush`);
  await forceMerge(client, index);
  const disk = await diskBytes(client, index);
  const backend = new OpenSearchBackend(client, index);
  step(`OpenSearch: matching ${ps.length} pages`);
  await matchOver(backend, ps[0]!); // warm caches once, as the embedded engine's are warm
  // Round trips: HTTP requests to OpenSearch per page (the client counts them).
  const trips: number[] = [];
  const oMatch = await timed(ps, async (p) => {
    const r0 = client.requests;
    await matchOver(backend, p);
    trips.push(client.requests - r0);
  });
  step(`OpenSearch: looking up ${qs.length} phrases`);
  const oLookup = await timed(qs, (q) => lookupOver(backend, q));
  const node = (await client.request<{
    nodes: Record<string, { jvm: { mem: { heap_used_in_bytes: number; heap_max_in_bytes: number } } }>;
  }>('GET', '/_nodes/_local/stats/jvm'))!;
  const jvm = Object.values(node.nodes)[0]!.jvm.mem;
  let rss = NaN;
  try {
    if (pid) rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', pid]).toString().trim()) * 1024;
  } catch {
    // no such process: RSS not shown
  }

  const MB = (b: number): string => f(b / 1048576, 1) + ' MB';
  const row = (k: string, e: string, o: string): void => console.log(`${k.padEnd(34)} ${e.padStart(16)}   ${o}`);
  const ms = (xs: number[], d = 1): string => `${f(pct(xs, 0.5), d)} / ${f(pct(xs, 0.95), d)} ms`;
  row('', 'embedded', 'OpenSearch');
  if (typeof emb === 'string') console.log(`embedded engine: ${emb}`);
  const e = typeof emb === 'string' ? null : emb;
  if (rep.alreadyIndexed)
    row('index', e ? `${f(e.buildMs / 1000)} s` : '-', `reused ${index} (BENCH_OS_KEEP=1): not timed`);
  else indexRows(row, n, Mc, e, indexMs, rep, jcpu);
  row('match p50 / p95', e ? ms(e.match) : '-', ms(oMatch));
  row('match: requests per page p50 / max', '-', `${pct(trips, 0.5)} / ${Math.max(...trips)}`);
  row('lookup p50 / p95', e ? ms(e.lookup, 2) : '-', ms(oLookup));
  row(
    'memory',
    e ? `heap ${MB(e.heap)}` : '-',
    `JVM heap used ${MB(jvm.heap_used_in_bytes)} of ${MB(jvm.heap_max_in_bytes)}; RSS ${Number.isNaN(rss) ? 'n/a' : MB(rss)}`,
  );
  row('memory per M chars', e ? MB(e.heap / Mc) : '-', `heap used ${MB(jvm.heap_used_in_bytes / Mc)}`);
  row('disk (live segments, 1 segment)', '-', `${MB(disk.segments)} = ${MB(disk.segments / Mc)} per M chars`);
  row('disk (primary store after merge)', '-', `${MB(disk.store)} = ${MB(disk.store / Mc)} per M chars`);
  if (!KEEP) await client.request('DELETE', `/${index}`);
  step(`done with ${n}`);
}

type Row = (k: string, e: string, o: string) => void;
function indexRows(
  row: Row,
  n: number,
  Mc: number,
  e: EmbeddedRun | null,
  indexMs: number,
  rep: IndexReport,
  jcpuS: number,
): void {
  const rate = (x: number, ms: number, d: number): string => f(x / (ms / 1000), d);
  row(
    'index: docs/s',
    e ? rate(n, e.buildMs, 0) : '-',
    `${rate(n, rep.bulkMs, 0)} (bulk), ${rate(n, indexMs, 0)} with family linking`,
  );
  row(
    'index: M chars/s',
    e ? rate(Mc, e.buildMs, 2) : '-',
    `${rate(Mc, rep.bulkMs, 2)} (bulk), ${rate(Mc, indexMs, 2)} with family linking`,
  );
  row(
    'index: total time',
    e ? `${f(e.buildMs / 1000)} s` : '-',
    `${f(indexMs / 1000)} s (bulk ${f(rep.bulkMs / 1000)} s, linking ${f(rep.linkMs / 1000)} s, ${rep.linkedPairs} pairs)`,
  );
  row(
    'index: CPU per 1,000 docs',
    e ? `${f((e.buildCpuS * 1000) / n)} s (bench)` : '-',
    `${f((jcpuS * 1000) / n)} s (OpenSearch JVM, bulk + linking)`,
  );
}

async function main(): Promise<void> {
  const client = new OpenSearchClient(URL_, { timeoutMs: 600_000 });
  const info = (await client.request<{ version: { number: string } }>('GET', '/'))!;
  const pool = paragraphPool((await loadCorpusFolder(BUNDLED_CORPUS_DIR, 'bundled')).docs);
  console.log(
    `OpenSearch ${info.version.number} at ${URL_}; ${os.cpus().length} cores; paragraph pool ${pool.length} (bundled corpus)`,
  );
  for (const n of SIZES) await benchSize(pool, n, client);
}

await main();
