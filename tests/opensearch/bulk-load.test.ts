// Index settings during a bulk load: refresh off and replicas 0 while sending, the settings found
// before put back afterwards: right away when a run fails while the server still answers, and by
// the next run when the server went away mid-load (they are recorded in the index's _meta).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusDoc } from '../../core/model/types';
import { BUNDLED_CORPUS_DIR, loadCorpusFolder } from '../../cli/corpus-folder';
import { OpenSearchClient, OpenSearchError } from '../../cli/opensearch/client';
import { indexCorpus } from '../../cli/opensearch/indexer';
import { ensureIndex, readMeta } from '../../cli/opensearch/layout';
import { SLOW_MS, dropIndex, faultyProxy, freshIndex, skip, url } from './helpers';

let docs: CorpusDoc[];
const made: string[] = [];
const client = (): OpenSearchClient => new OpenSearchClient(url);

beforeAll(async () => {
  if (skip) return;
  docs = (await loadCorpusFolder(BUNDLED_CORPUS_DIR, 'bundled')).docs.slice(0, 60);
}, 120_000);

afterAll(async () => {
  if (!skip) for (const name of made) await dropIndex(name);
});

async function indexWithRefresh(tag: string, interval: string): Promise<string> {
  const name = freshIndex(tag);
  made.push(name);
  await ensureIndex(client(), name);
  await client().request('PUT', `/${name}/_settings`, { index: { refresh_interval: interval } });
  return name;
}

async function settings(name: string): Promise<{ refresh: string | undefined; replicas: string | undefined }> {
  const r = (await client().request<Record<string, { settings: Record<string, string> }>>(
    'GET',
    `/${name}/_settings?flat_settings=true`,
  ))!;
  const s = Object.values(r)[0]!.settings;
  return { refresh: s['index.refresh_interval'], replicas: s['index.number_of_replicas'] };
}

async function stored(name: string): Promise<number> {
  await client().request('POST', `/${name}/_refresh`);
  return (await client().request<{ count: number }>('GET', `/${name}/_count`))!.count;
}

describe.skipIf(skip)('bulk-load settings', () => {
  it('a failed run with the server still there puts the settings back at once', async () => {
    const name = await indexWithRefresh('bulkset-fail', '7s');
    const proxy = await faultyProxy((req, _b, k) => (req.url?.includes('_bulk') && k > 2 ? 'cut' : 'pass'));
    try {
      const err = await indexCorpus(new OpenSearchClient(proxy.url), name, docs, { batchDocs: 10 }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenSearchError);
      expect(proxy.seen.some((l) => /PUT \/[^ ]+\/_settings pass/.test(l))).toBe(true);
    } finally {
      await proxy.close();
    }
    expect(await settings(name)).toEqual({ refresh: '7s', replicas: '0' });
    expect((await readMeta(client(), name))!.bulk_restore).toBeUndefined();
  });

  it('a server gone mid-load leaves the settings recorded; the next run resumes and puts them back', async () => {
    const name = await indexWithRefresh('bulkset-gone', '9s');
    let gone = false;
    const proxy = await faultyProxy((req, _b, k) => {
      if (req.url?.includes('_bulk') && k > 2) gone = true;
      return gone ? 'cut' : 'pass';
    });
    try {
      const err = await indexCorpus(new OpenSearchClient(proxy.url), name, docs, { batchDocs: 10 }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenSearchError);
    } finally {
      await proxy.close();
    }
    expect((await settings(name)).refresh).toBe('-1');
    expect((await readMeta(client(), name))!.bulk_restore).toEqual({ refresh_interval: '9s', number_of_replicas: '0' });
    const partial = await stored(name);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(docs.length);

    const rerun = await indexCorpus(client(), name, docs);
    expect(rerun.indexed).toBe(docs.length - partial);
    expect(await settings(name)).toEqual({ refresh: '9s', replicas: '0' });
    expect((await readMeta(client(), name))!.bulk_restore).toBeUndefined();
    expect(await stored(name)).toBe(docs.length);
  });

  it('a failed run ends only after the other bulk request in flight has ended', async () => {
    const name = await indexWithRefresh('bulkset-inflight', '8s');
    // The first batch reaches the node late; the second fails at once, with no retry.
    const proxy = await faultyProxy((req, _b, k) => (!req.url?.includes('_bulk') ? 'pass' : k === 1 ? 'slow' : 'cut'));
    try {
      const t0 = performance.now();
      const err = await indexCorpus(new OpenSearchClient(proxy.url), name, docs, {
        batchDocs: 10,
        retry: { tries: 1 },
      }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenSearchError);
      // Rejecting at the first failure returned before the slow batch landed, and restored the
      // settings under it.
      expect(performance.now() - t0).toBeGreaterThanOrEqual(SLOW_MS - 50);
      expect(await stored(name)).toBe(10);
      expect((await settings(name)).refresh).toBe('8s');
    } finally {
      await proxy.close();
    }
  });

  it('a load into an index with default settings leaves them default', async () => {
    const name = freshIndex('bulkset-default');
    made.push(name);
    const r = await indexCorpus(client(), name, docs.slice(0, 12), { batchDocs: 5 });
    expect(r.indexed).toBe(12);
    expect(await settings(name)).toEqual({ refresh: undefined, replicas: '0' });
    expect((await readMeta(client(), name))!.bulk_restore).toBeUndefined();
  });
});
