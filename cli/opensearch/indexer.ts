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
import { beginBulkLoad, endBulkLoad } from './bulk-load';

export interface IndexOptions {
  reindex?: boolean;
  shards?: number;
  /** Documents per bulk request (at most). */
  batchDocs?: number;
  /** Approximate bytes per bulk request (at most, unless one document is larger). */
  batchBytes?: number;
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
    await endBulkLoad(client, index, meta); // settings left by a run that died on another corpus
    report.alreadyIndexed = true;
    return report;
  }
  // A run that died mid-load left refresh off: what it stored is searchable only after a refresh.
  await client.request('POST', `/${encodeURIComponent(index)}/_refresh`);
  const existing = new Map<string, string>();
  let maxSeq = -1;
  await scanDocs(client, index, { match_all: {} }, ['hash', 'seq'], (id, src) => {
    existing.set(id, src.hash as string);
    maxSeq = Math.max(maxSeq, src.seq as number);
  });
  const todo = docs.map((d, i) => ({ d, hash: hashes[i]! })).filter((x) => existing.get(x.d.id) !== x.hash);
  say(`${docs.length - todo.length} of ${docs.length} documents already indexed; sending ${todo.length}`);
  const t0 = performance.now();
  if (todo.length) await beginBulkLoad(client, index, meta);
  const sending = sendAll(client, index, todo, maxSeq, opts, (b) => {
    report.indexed += b.length;
    for (const d of b) report.chars += d.body.length;
    const s = (performance.now() - t0) / 1000;
    say(
      `indexed ${report.indexed}/${todo.length} documents, ${(report.chars / 1e6).toFixed(1)} M chars, ${Math.round(report.indexed / Math.max(s, 1e-3))} docs/s`,
    );
  });
  // Settings are put back after a failure too, when the server still answers; when it does not,
  // they stay recorded in _meta and the next run puts them back.
  await sending.catch(async (err) => {
    await endBulkLoad(client, index, meta).catch(() => {});
    throw err;
  });
  await endBulkLoad(client, index, meta);
  maxSeq += todo.length;
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

/** Sends `todo` (seq numbers after `maxSeq`, in order) in bulk requests of at most batchDocs
 *  documents and about batchBytes bytes, two in flight: the cluster indexes one while the next
 *  is fingerprinted and sent. */
async function sendAll(
  client: OpenSearchClient,
  index: string,
  todo: { d: CorpusDoc; hash: string }[],
  maxSeq: number,
  opts: IndexOptions,
  done: (batch: CorpusDoc[]) => void,
): Promise<void> {
  const maxDocs = opts.batchDocs ?? 200;
  const maxBytes = opts.batchBytes ?? 16 * 1024 * 1024;
  const say = opts.progress ?? (() => {});
  let next = 0;
  const take = (): { actions: BulkAction[]; docs: CorpusDoc[] } => {
    const actions: BulkAction[] = [];
    const docs: CorpusDoc[] = [];
    let bytes = 0;
    while (next < todo.length && actions.length < maxDocs && (bytes < maxBytes || !actions.length)) {
      const { d, hash } = todo[next]!;
      const seq = maxSeq + 1 + next++;
      const source = indexedDoc(d, hash, seq, seq);
      // doc.body and norm as UTF-8 (3 bytes a CJK character) and ~12 bytes a fingerprint.
      bytes += 6 * d.body.length + 12 * (source.fp as string[]).length;
      actions.push({ action: { index: { _index: index, _id: d.id } }, source });
      docs.push(d);
    }
    return { actions, docs };
  };
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let b = take(); b.actions.length; b = take()) {
      try {
        await bulkWithRetry(client, b.actions, {
          ...opts.retry,
          onRetry: (n, ms) => say(`OpenSearch rejected ${n} document(s) for load; retrying in ${ms} ms`),
        });
      } catch (err) {
        failed = true;
        throw err;
      }
      done(b.docs);
      if (failed) return;
    }
  };
  // A failed run ends only once the other request in flight has ended too: rejecting at the
  // first failure left that one landing after the run had reported and restored the settings.
  const ends = await Promise.allSettled([worker(), worker()]);
  const failure = ends.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (failure) throw failure.reason;
}
