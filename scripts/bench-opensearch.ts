// The OpenSearch backend beside the embedded engine, in one run, on synthetic corpora of
// ~5,000-character speeches spliced from the bundled reports (fixed seed): indexing throughput,
// match and lookup p50/p95, OpenSearch heap and disk per million characters.
// Usage: npm run bench:opensearch  (needs a running OpenSearch, e.g. npm run opensearch:start)
// Env: BENCH_OS_URL (http://127.0.0.1:9200), BENCH_OS_SIZES (comma list, default "10000"),
//      BENCH_OS_PAGES (match pages per size, 30), BENCH_OS_PHRASES (40), BENCH_OS_PID (Java PID for RSS),
//      BENCH_OS_KEEP=1 (keep the index afterwards, and reuse one left by an earlier run of the same size:
//      the index rows then say so instead of timing bulk loading).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { lookupOver, matchOver } from '../core/backend/remote-analyse';
import { createEngine } from '../core/engine';
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

async function benchSize(pool: string[], n: number, client: OpenSearchClient): Promise<void> {
  const r = rng(16_000 + n);
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

  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  const engine = createEngine(docs);
  const buildMs = performance.now() - t;
  gc();
  const heapE = process.memoryUsage().heapUsed - heap0;
  const eMatch = await timed(ps, (p) => engine.match(p));
  const eLookup = await timed(qs, (q) => engine.lookup(q));

  const index = `suyuan-bench-${n}`;
  t = performance.now();
  const rep = await indexCorpus(client, index, docs, {
    reindex: !KEEP,
    progress: (l) => process.stderr.write(`  ${l}\r`),
  });
  const indexMs = performance.now() - t;
  process.stderr.write('\n');
  await client.request('POST', `/${index}/_flush`);
  await client.request('POST', `/${index}/_forcemerge?max_num_segments=1`);
  const stats = (await client.request<{ _all: { primaries: { store: { size_in_bytes: number } } } }>(
    'GET',
    `/${index}/_stats/store`,
  ))!;
  const disk = stats._all.primaries.store.size_in_bytes;
  const backend = new OpenSearchBackend(client, index);
  await matchOver(backend, ps[0]!); // warm caches once, as the embedded engine's are warm
  // Round trips: HTTP requests to OpenSearch per page (the client counts them).
  const trips: number[] = [];
  const oMatch = await timed(ps, async (p) => {
    const r0 = client.requests;
    await matchOver(backend, p);
    trips.push(client.requests - r0);
  });
  const oLookup = await timed(qs, (q) => lookupOver(backend, q));
  const node = (await client.request<{
    nodes: Record<string, { jvm: { mem: { heap_used_in_bytes: number; heap_max_in_bytes: number } } }>;
  }>('GET', '/_nodes/_local/stats/jvm'))!;
  const jvm = Object.values(node.nodes)[0]!.jvm.mem;
  const pid = javaPid();
  let rss = NaN;
  try {
    if (pid) rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', pid]).toString().trim()) * 1024;
  } catch {
    // no such process: RSS not shown
  }

  const MB = (b: number): string => f(b / 1048576, 1) + ' MB';
  const row = (k: string, e: string, o: string): void => console.log(`${k.padEnd(34)} ${e.padStart(16)}   ${o}`);
  row('', 'embedded', 'OpenSearch');
  if (rep.alreadyIndexed) row('index', `${f(buildMs / 1000)} s`, `reused ${index} (BENCH_OS_KEEP=1): not timed`);
  else indexRows(row, n, Mc, buildMs, indexMs, rep);
  row(
    'match p50 / p95',
    `${f(pct(eMatch, 0.5))} / ${f(pct(eMatch, 0.95))} ms`,
    `${f(pct(oMatch, 0.5))} / ${f(pct(oMatch, 0.95))} ms`,
  );
  row('match: requests per page p50 / max', '-', `${pct(trips, 0.5)} / ${Math.max(...trips)}`);
  row(
    'lookup p50 / p95',
    `${f(pct(eLookup, 0.5), 2)} / ${f(pct(eLookup, 0.95), 2)} ms`,
    `${f(pct(oLookup, 0.5))} / ${f(pct(oLookup, 0.95))} ms`,
  );
  row(
    'memory',
    `heap ${MB(heapE)}`,
    `JVM heap used ${MB(jvm.heap_used_in_bytes)} of ${MB(jvm.heap_max_in_bytes)}; RSS ${Number.isNaN(rss) ? 'n/a' : MB(rss)}`,
  );
  row('memory per M chars', MB(heapE / Mc), `heap used ${MB(jvm.heap_used_in_bytes / Mc)}`);
  row('disk (primary store, 1 segment)', '-', `${MB(disk)} = ${MB(disk / Mc)} per M chars`);
  if (!KEEP) await client.request('DELETE', `/${index}`);
}

type Row = (k: string, e: string, o: string) => void;
function indexRows(row: Row, n: number, Mc: number, buildMs: number, indexMs: number, rep: IndexReport): void {
  row(
    'index: docs/s',
    f(n / (buildMs / 1000), 0),
    `${f(n / (rep.bulkMs / 1000), 0)} (bulk), ${f(n / (indexMs / 1000), 0)} with family linking`,
  );
  row(
    'index: M chars/s',
    f(Mc / (buildMs / 1000), 2),
    `${f(Mc / (rep.bulkMs / 1000), 2)} (bulk), ${f(Mc / (indexMs / 1000), 2)} with family linking`,
  );
  row(
    'index: total time',
    `${f(buildMs / 1000)} s`,
    `${f(indexMs / 1000)} s (bulk ${f(rep.bulkMs / 1000)} s, linking ${f(rep.linkMs / 1000)} s, ${rep.linkedPairs} pairs)`,
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
