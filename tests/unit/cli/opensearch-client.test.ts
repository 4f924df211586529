// @vitest-environment node
// The OpenSearch client's failure handling without a server: a scripted fetch stands in for it.
import { describe, expect, it } from 'vitest';
import { bulkWithRetry } from '../../../cli/opensearch/bulk';
import { OpenSearchClient, OpenSearchError, type FetchLike } from '../../../cli/opensearch/client';
import { readMeta } from '../../../cli/opensearch/layout';
import { parseCliArgs, UsageError } from '../../../cli/args';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function scripted(answers: ((body: string) => Response | Promise<Response>)[]): { fetch: FetchLike; bodies: string[] } {
  const bodies: string[] = [];
  return {
    bodies,
    fetch: async (_url, init) => {
      bodies.push(String(init.body ?? ''));
      const next = answers.shift();
      if (!next) throw new Error('unexpected request');
      return next(String(init.body ?? ''));
    },
  };
}

const actions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ action: { index: { _id: `d${i}` } }, source: { i } }));
const items = (statuses: number[]) => ({
  errors: statuses.some((s) => s >= 300),
  items: statuses.map((status) => ({
    index: { status, ...(status >= 300 ? { error: { type: 't', reason: 'r' } } : {}) },
  })),
});

describe('bulk with retry', () => {
  it('sends again only the items rejected for load, waiting longer each time', async () => {
    const s = scripted([
      () => json(200, items([201, 429, 201, 429])),
      () => json(200, items([429, 201])),
      () => json(200, items([201])),
    ]);
    const waits: number[] = [];
    await bulkWithRetry(new OpenSearchClient('http://127.0.0.1:9200', { fetch: s.fetch }), actions(4), {
      backoffMs: 10,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(waits).toEqual([10, 20]);
    expect(s.bodies[1]).toContain('"d1"');
    expect(s.bodies[1]).toContain('"d3"');
    expect(s.bodies[1]).not.toContain('"d0"');
    expect(s.bodies[2]).toContain('"d1"');
    expect(s.bodies[2]).not.toContain('"d3"');
  });

  it('gives up after the last try, and fails at once on any other item error', async () => {
    const client = (answers: (() => Response)[]) =>
      new OpenSearchClient('http://127.0.0.1:9200', { fetch: scripted(answers).fetch });
    const noWait = { sleep: async () => {} };
    await expect(
      bulkWithRetry(client([() => json(200, items([429])), () => json(200, items([429]))]), actions(1), {
        ...noWait,
        tries: 2,
      }),
    ).rejects.toThrow(/kept rejecting 1 document\(s\) for load after 2 tries/);
    await expect(bulkWithRetry(client([() => json(200, items([201, 400]))]), actions(2), noWait)).rejects.toThrow(
      /refused a document \(400 t: r\)/,
    );
    // A whole request refused with 429 is retried like its items.
    await bulkWithRetry(
      client([() => json(429, { error: { type: 'x', reason: 'busy' } }), () => json(200, items([201]))]),
      actions(1),
      noWait,
    );
  });
});

describe('client errors', () => {
  it('says when the server answers an error, is unreachable, or too slow', async () => {
    const err = (fetch: FetchLike, timeoutMs = 1000) =>
      new OpenSearchClient('http://127.0.0.1:9200', { fetch, timeoutMs })
        .request('GET', '/x/_count')
        .catch((e: Error) => e) as Promise<Error>;
    const e500 = await err(async () =>
      json(500, { error: { type: 'search_phase_execution_exception', reason: 'all shards failed' } }),
    );
    expect(e500).toBeInstanceOf(OpenSearchError);
    expect(e500.message).toBe(
      'OpenSearch at http://127.0.0.1:9200 answered 500 to GET /x/_count: search_phase_execution_exception: all shards failed',
    );
    const refused = await err(async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    expect(refused.message).toMatch(/is not reachable \(connection refused\): is it running\?/);
    const slow = await err(
      (_u, init) =>
        new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
      50,
    );
    expect(slow.message).toMatch(/did not answer within 50 ms/);
  });

  it('refuses an index of another layout, naming the command that rebuilds it', async () => {
    const fetch: FetchLike = async () =>
      json(200, { suyuan: { mappings: { _meta: { suyuan_layout: 0, gram: 6, window: 8 } } } });
    const e = await readMeta(new OpenSearchClient('http://127.0.0.1:9200', { fetch }), 'suyuan').catch((x) => x);
    expect(e.message).toContain('has Suyuan layout 0');
    expect(e.message).toContain('Rebuild it: suyuan index --opensearch http://127.0.0.1:9200 --corpus DIR --reindex');
  });
});

describe('CLI arguments', () => {
  it('takes --opensearch on every command and index only with --corpus', () => {
    expect(parseCliArgs(['match', 'a.txt', '--opensearch', 'http://h:9200']).opensearch).toBe('http://h:9200');
    expect(parseCliArgs(['detect', 'a.txt', '--opensearch', 'http://h:9200']).opensearch).toBe('http://h:9200');
    expect(parseCliArgs(['index', '--corpus', 'd', '--reindex'])).toMatchObject({
      command: 'index',
      corpus: 'd',
      reindex: true,
    });
    expect(() => parseCliArgs(['index'])).toThrow(UsageError);
    expect(() => parseCliArgs(['index', 'x', '--corpus', 'd'])).toThrow(/no FILE/);
    expect(() => parseCliArgs(['lookup', 'x', '--opensearch', 'h:9200'])).toThrow(/needs an http\(s\) URL/);
    expect(() => parseCliArgs(['match', 'a.txt', '--reindex'])).toThrow(UsageError);
  });
});
