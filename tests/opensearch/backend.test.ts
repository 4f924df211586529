// The OpenSearch backend against a real server: the same answers as the embedded engine after
// incremental adds (families merged across runs), idempotent reruns, and the faults of issue 16:
// a server gone mid-index (the rerun resumes, no duplicates), gone mid-match (clear error,
// exit 3, nothing printed), bulk rejections (retried with backoff), an older layout (refused
// with the command that rebuilds it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boilerplateOver, lookupOver, matchOver } from '../../core/backend/remote-analyse';
import { createEngine, type SnapshotEngine } from '../../core/engine';
import type { CorpusDoc } from '../../core/model/types';
import { BUNDLED_CORPUS_DIR, loadCorpusFolder } from '../../cli/corpus-folder';
import { OpenSearchBackend } from '../../cli/opensearch/backend';
import { OpenSearchClient, OpenSearchError } from '../../cli/opensearch/client';
import { indexCorpus } from '../../cli/opensearch/indexer';
import { indexBody } from '../../cli/opensearch/layout';
import { settledStoreSize } from '../../cli/opensearch/settled-store';
import { excerpt, heavyEdit, lightEdit } from '../fixtures/reuse-cases';
import { rng } from '../fixtures/rng';
import { removeCliCache, runCli, tempDir } from '../unit/cli/run-cli';
import { closedPort, dropIndex, faultyProxy, freshIndex, skip, url } from './helpers';

let docs: CorpusDoc[];
let engine: SnapshotEngine;
const made: string[] = [];
const index = (tag: string): string => {
  const name = freshIndex(tag);
  made.push(name);
  return name;
};
const count = async (name: string): Promise<number> =>
  (await new OpenSearchClient(url).request<{ count: number }>('GET', `/${name}/_count`))!.count;

beforeAll(async () => {
  if (skip) return;
  const bundled = (await loadCorpusFolder(BUNDLED_CORPUS_DIR, 'bundled')).docs;
  // A, B unrelated; C holds both whole, so adding C joins A's and B's families (B is relabeled).
  const a = bundled[3]!;
  const b = bundled[40]!;
  docs = [
    ...bundled,
    { ...a, id: 'team/copy-of-a.md', title: 'copy of A' },
    { ...b, id: 'team/a-and-b.md', title: 'A and B', body: a.body + '\n' + b.body },
  ];
  engine = createEngine(docs);
}, 120_000);

afterAll(async () => {
  removeCliCache();
  if (!skip) for (const name of made) await dropIndex(name);
});

function pages(): string[] {
  const r = rng(11);
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const a = docs[r.int(0, docs.length - 1)]!;
    const b = docs[r.int(0, docs.length - 1)]!;
    out.push(lightEdit(r, excerpt(r, a.body, 2500)) + '\n' + heavyEdit(r, excerpt(r, b.body, 1500)));
  }
  out.push(docs[3]!.body.slice(0, 4000), docs[40]!.body.slice(-3000));
  return out;
}

describe.skipIf(skip)('OpenSearch backend', () => {
  it('after two incremental runs gives the embedded engine’s match, boilerplate and lookup', async () => {
    const name = index('equal');
    const client = new OpenSearchClient(url);
    const first = await indexCorpus(client, name, docs.slice(0, 50));
    expect(first.indexed).toBe(50);
    const second = await indexCorpus(client, name, docs);
    expect(second.indexed).toBe(docs.length - 50);
    expect(second.relabeled).toBeGreaterThan(0); // B's family joined A's
    expect(await count(name)).toBe(docs.length);
    const again = await indexCorpus(client, name, docs);
    expect(again.alreadyIndexed).toBe(true);

    const backend = new OpenSearchBackend(client, name);
    for (const p of pages()) {
      expect(await matchOver(backend, p)).toEqual(engine.match(p));
      expect(await boilerplateOver(backend, p)).toEqual(engine.boilerplate(p));
    }
    for (const q of ['高质量发展', '人民', '新质生产力', '的', '政府工作報告', 'GDP', '不存在的短语组合'])
      expect(await lookupOver(backend, q, { limit: 40 })).toEqual(engine.lookup(q, { limit: 40 }));
  });

  it('keeps phrase counts between pages, in few round trips, and drops them when the index changes', async () => {
    const name = index('cache');
    const client = new OpenSearchClient(url);
    const part = docs.slice(0, 60);
    await indexCorpus(client, name, part);
    const backend = new OpenSearchBackend(client, name);
    const p = pages()[1]!;
    const small = createEngine(part);
    const r0 = client.requests;
    expect(await boilerplateOver(backend, p)).toEqual(small.boilerplate(p));
    const first = client.requests - r0;
    const r1 = client.requests;
    expect(await boilerplateOver(backend, p)).toEqual(small.boilerplate(p));
    const second = client.requests - r1;
    console.log(`boilerplate of one page: ${first} requests, again ${second} (${backend.counts.hits} counts kept)`);
    expect(backend.counts.hits).toBeGreaterThan(0);
    expect(second).toBeLessThan(first);
    // More documents: every kept count is stale; the answers are the larger corpus's.
    await indexCorpus(client, name, docs);
    expect(await boilerplateOver(backend, p)).toEqual(engine.boilerplate(p));
    expect(await matchOver(backend, p)).toEqual(engine.match(p));
  });

  it('reads the store size once merges are done, not counting the segments merged away', async () => {
    const name = index('store');
    const client = new OpenSearchClient(url);
    // Three runs (each refreshed) leave several segments, and the relabel rewrites leave deleted docs.
    await indexCorpus(client, name, docs.slice(0, 20));
    await indexCorpus(client, name, docs.slice(0, 40));
    await indexCorpus(client, name, docs);
    type Segs = {
      indices: Record<string, { shards: Record<string, { segments: Record<string, { size_in_bytes: number }> }[]> }>;
    };
    const segs = (await client.request<Segs>('GET', `/${name}/_segments`))!;
    const shard = segs.indices[name]!.shards['0']![0]!.segments;
    const before = Object.values(shard).reduce((a, x) => a + x.size_in_bytes, 0);
    expect(Object.keys(shard).length).toBeGreaterThan(1);
    const s = await settledStoreSize(client, name);
    expect(s.segments).toBe(1);
    expect(s.how).toMatch(/force-merged to 1 segment/);
    // Read straight after the merge, the store counted the old segments beside the new one (more
    // than all the old ones together); settled, it is the one merged segment.
    expect(s.bytes).toBeLessThan(before);
  });

  it('a server gone mid-index fails the run; the rerun resumes without duplicates', async () => {
    const name = index('resume');
    const proxy = await faultyProxy((_req, _body, k) => (_req.url?.includes('_bulk') && k > 2 ? 'cut' : 'pass'));
    try {
      const err = await indexCorpus(new OpenSearchClient(proxy.url), name, docs, { batchDocs: 10 }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenSearchError);
      expect(String(err.message)).toMatch(/not reachable/);
    } finally {
      await proxy.close();
    }
    await new OpenSearchClient(url).request('POST', `/${name}/_refresh`);
    // Two bulk requests of 10 passed before the cut; under load the node may have refused an item
    // of them (429), which the cut run never got to retry. The rerun must add exactly the rest.
    const partial = await count(name);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThanOrEqual(20);
    const rerun = await indexCorpus(new OpenSearchClient(url), name, docs);
    expect(rerun.indexed).toBe(docs.length - partial);
    expect(await count(name)).toBe(docs.length);
    const p = pages()[0]!;
    expect(await matchOver(new OpenSearchBackend(new OpenSearchClient(url), name), p)).toEqual(engine.match(p));
  });

  it('bulk items rejected for load are retried with backoff', async () => {
    const name = index('retry');
    const proxy = await faultyProxy((req, _b, k) => (req.url?.includes('_bulk') && k <= 2 ? 'reject-bulk' : 'pass'));
    const said: string[] = [];
    try {
      const r = await indexCorpus(new OpenSearchClient(proxy.url), name, docs.slice(0, 30), {
        retry: { backoffMs: 20 },
        progress: (l) => said.push(l),
      });
      expect(r.indexed).toBe(30);
    } finally {
      await proxy.close();
    }
    expect(said.filter((l) => /rejected 30 document\(s\) for load; retrying in (20|40) ms/.test(l))).toHaveLength(2);
    expect(await count(name)).toBe(30);
  });

  it('CLI: a server gone mid-match exits 3 with a clear message and prints nothing', async () => {
    const name = index('cli');
    const client = new OpenSearchClient(url);
    await indexCorpus(client, name, docs.slice(0, 20));
    const t = tempDir();
    try {
      const page = t.write('page.txt', docs[3]!.body.slice(0, 3000));
      const env = { SUYUAN_OPENSEARCH_INDEX: name };
      const ok = await runCli(['match', page, '--json', '--opensearch', url], env);
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout).candidates[0].id).toBe(docs[3]!.id);
      // The first search (fingerprint counts) is answered, the next (candidates) finds the server
      // gone. Searches go out as _msearch (those asked together in one request).
      const proxy = await faultyProxy((req, _b, k) => (/_m?search/.test(req.url ?? '') && k > 1 ? 'cut' : 'pass'));
      try {
        const r = await runCli(['match', page, '--json'], { ...env, SUYUAN_OPENSEARCH: proxy.url });
        expect(r.status).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/OpenSearch at http:\/\/127\.0\.0\.1:\d+ is not reachable/);
      } finally {
        await proxy.close();
      }
      const down = await runCli(['lookup', '人民', '--opensearch', `http://127.0.0.1:${await closedPort()}`], env);
      expect(down.status).toBe(3);
      expect(down.stderr).toMatch(/not reachable \(connection refused\)/);
    } finally {
      t.cleanup();
    }
  });

  it('an index of an older layout is refused with the reindex command, which then rebuilds it', async () => {
    const name = index('old');
    const body = indexBody() as { mappings: { _meta: { suyuan_layout: number } } };
    body.mappings._meta.suyuan_layout = 0;
    await new OpenSearchClient(url).request('PUT', `/${name}`, body);
    const t = tempDir();
    try {
      for (const d of docs.slice(0, 5)) t.write(`c/${d.id}`, d.body);
      const env = { SUYUAN_OPENSEARCH_INDEX: name };
      const r = await runCli(['lookup', '人民', '--json', '--opensearch', url], env);
      expect(r.status).toBe(3);
      expect(r.stderr).toContain(`has Suyuan layout 0`);
      expect(r.stderr).toContain(`suyuan index --opensearch ${url} --corpus DIR --reindex`);
      const plain = await runCli(['index', '--opensearch', url, '--corpus', `${t.dir}/c`], env);
      expect(plain.status).toBe(3);
      const re = await runCli(['index', '--opensearch', url, '--corpus', `${t.dir}/c`, '--reindex', '--json'], env);
      expect(re.status).toBe(0);
      expect(JSON.parse(re.stdout).indexed).toBe(5);
      expect(re.stderr).toMatch(/suyuan index: indexed 5\/5 documents/);
      const after = await runCli(['lookup', '人民', '--json', '--opensearch', url], env);
      expect(after.status).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
