// `suyuan index --opensearch URL --corpus DIR`: bulk-loads a corpus folder into the index, then
// links the new documents into families. Idempotent and resumable: each document carries a
// content hash, and a run first reads the hashes already there, so a rerun after a crash sends
// only what is missing or changed (same _id: never a duplicate). Documents get `seq` numbers in
// folder order after the largest already indexed; family linking covers every document past
// the meta's `linked_through`, so an interrupted run links on the next one.
import type { CorpusDoc } from '../../core/model/types';
import type { OpenSearchClient } from './client';
import { bulkWithRetry, type BulkAction, type RetryOptions } from './bulk';
import { corpusHash, docHash, indexedDoc } from './indexed-doc';
import { ensureIndex, writeMeta } from './layout';
import { scanDocs } from './scan';
import { linkFamilies } from './link';
import { inFlight } from './msearch';

export interface IndexOptions {
  reindex?: boolean;
  shards?: number;
  /** Documents per bulk request. */
  batchDocs?: number;
  retry?: RetryOptions;
  progress?: (line: string) => void;
}

export interface IndexReport {
  total: number;
  /** Documents sent in this run (new or changed). */
  indexed: number;
  chars: number;
  /** True when this exact corpus was indexed before: nothing was sent. */
  alreadyIndexed: boolean;
  linkedPairs: number;
  relabeled: number;
  bulkMs: number;
  linkMs: number;
}

export async function indexCorpus(
  client: OpenSearchClient,
  index: string,
  docs: CorpusDoc[],
  opts: IndexOptions = {},
): Promise<IndexReport> {
  const say = opts.progress ?? (() => {});
  const meta = await ensureIndex(client, index, { reindex: opts.reindex, shards: opts.shards });
  const hashes = docs.map(docHash);
  const key = corpusHash(hashes);
  const report: IndexReport = {
    total: docs.length,
    indexed: 0,
    chars: 0,
    alreadyIndexed: false,
    linkedPairs: 0,
    relabeled: 0,
    bulkMs: 0,
    linkMs: 0,
  };
  if (meta.corpora.includes(key) && meta.linked_through >= 0) {
    report.alreadyIndexed = true;
    return report;
  }
  const existing = new Map<string, string>();
  let maxSeq = -1;
  await scanDocs(client, index, { match_all: {} }, ['hash', 'seq'], (id, src) => {
    existing.set(id, src.hash as string);
    maxSeq = Math.max(maxSeq, src.seq as number);
  });
  const todo = docs.map((d, i) => ({ d, hash: hashes[i]! })).filter((x) => existing.get(x.d.id) !== x.hash);
  say(`${docs.length - todo.length} of ${docs.length} documents already indexed; sending ${todo.length}`);
  const t0 = performance.now();
  const batch = opts.batchDocs ?? 200;
  const batches: { d: CorpusDoc; hash: string; seq: number }[][] = [];
  for (let i = 0; i < todo.length; i += batch)
    batches.push(todo.slice(i, i + batch).map((x) => ({ ...x, seq: ++maxSeq })));
  // Two bulk requests in flight: the cluster indexes one batch while the next is built (its
  // fingerprints and text) and sent.
  await inFlight(batches, 2, async (b) => {
    const actions: BulkAction[] = b.map(({ d, hash, seq }) => ({
      action: { index: { _index: index, _id: d.id } },
      source: indexedDoc(d, hash, seq, seq),
    }));
    await bulkWithRetry(client, actions, {
      ...opts.retry,
      onRetry: (n, ms) => say(`OpenSearch rejected ${n} document(s) for load; retrying in ${ms} ms`),
    });
    report.indexed += b.length;
    for (const { d } of b) report.chars += d.body.length;
    const s = (performance.now() - t0) / 1000;
    say(
      `indexed ${report.indexed}/${todo.length} documents, ${(report.chars / 1e6).toFixed(1)} M chars, ${Math.round(report.indexed / Math.max(s, 1e-3))} docs/s`,
    );
  });
  await client.request('POST', `/${encodeURIComponent(index)}/_refresh`);
  report.bulkMs = performance.now() - t0;
  const t1 = performance.now();
  const linked = await linkFamilies(client, index, meta.linked_through, say);
  report.linkedPairs = linked.pairs;
  report.relabeled = linked.relabeled;
  report.linkMs = performance.now() - t1;
  await writeMeta(client, index, {
    ...meta,
    linked_through: Math.max(meta.linked_through, maxSeq),
    corpora: [...meta.corpora.filter((c) => c !== key), key].slice(-100),
  });
  return report;
}
