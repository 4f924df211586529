// @vitest-environment node
// `suyuan serve` over a real engine on a small real corpus (seeds and two reports), spoken to over
// real HTTP on a loopback port: the answers are the engine's, and every refusal is a JSON error
// with the right status.
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import type { Engine } from '../../../core/model/engine-api';
import { createServeServer } from '../../../cli/serve/http';
import { embeddedServeBackend, type ServeBackend } from '../../../cli/serve/serve-backend';
import { OpenSearchError } from '../../../cli/opensearch/client';
import { report, seed, seeds } from '../../fixtures/corpus';

let engine: Engine;
const servers: http.Server[] = [];

async function start(backend: ServeBackend, options: Parameters<typeof createServeServer>[1] = {}) {
  const server = createServeServer(backend, options);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

let base: string;
beforeAll(async () => {
  engine = createEngine([...seeds(), report('gwr-2023'), report('cpc-20')]);
  base = await start(embeddedServeBackend(engine, engine.list().length));
}, 60_000);

afterAll(() => {
  for (const s of servers) s.close();
});

describe('suyuan serve answers with the engine', () => {
  it('health names the backend and the corpus size', async () => {
    const res = await fetch(`${base}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, api: 1, backend: 'embedded', docs: engine.list().length });
  });

  it('analyse gives the background’s PageAnalysis shape with the engine’s match', async () => {
    const text = seed('002').body.slice(0, 2500);
    const page = { url: 'https://example.org/p', title: '讲话', text };
    const res = await post(`${base}/v1/analyse`, { page, options: { minPassageLength: 40 } });
    expect(res.status).toBe(200);
    const got = await res.json();
    const want = engine.analyse(text, { minPassageLength: 40, page: { url: page.url, title: page.title } });
    expect(got.match).toEqual(JSON.parse(JSON.stringify(want.match)));
    expect(got.boilerplate).toEqual(JSON.parse(JSON.stringify(want.boilerplate)));
    expect(got.match.candidates[0].id).toBe(seed('002').id);
    expect(got.page).toMatchObject(page);
    expect(Object.keys(got.docs)).toContain(seed('002').id);
    expect(got.docs[seed('002').id].body).toBeUndefined();
  });

  it('analyse reads the page’s date hints (meta tags, lead lines) as the extension’s own analysis does', async () => {
    const text = seed('002').body.slice(0, 2500);
    const hinted = [
      { meta: { 'article:published_time': '2019-04-08T10:00:00+08:00' } },
      { lead: '发布时间：2021年3月5日 来源：某市人民政府' },
    ];
    for (const hint of hinted) {
      const page = { url: 'https://example.org/p', title: '讲话', text, ...hint };
      const got = await (await post(`${base}/v1/analyse`, { page })).json();
      const want = engine.analyse(text, { page: { url: page.url, title: page.title, ...hint } });
      expect(want.match.date).toMatch(/^20(19-04-08|21-03-05)$/);
      expect(got.match.date).toBe(want.match.date);
      expect(got.page).toMatchObject(hint);
    }
    // Without the hints the page has no date of its own here: the hints are what gave it.
    const plain = await (
      await post(`${base}/v1/analyse`, { page: { url: 'https://example.org/p', title: '讲话', text } })
    ).json();
    expect(String(plain.match.date)).not.toMatch(/^20(19-04-08|21-03-05)$/);
  });

  it('lookup and doc', async () => {
    const q = '高质量发展';
    const res = await fetch(`${base}/v1/lookup?q=${encodeURIComponent(q)}&limit=3`);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(engine.lookup(q, { limit: 3 }))));
    const id = seed('000').id;
    const doc = await (await fetch(`${base}/v1/doc?id=${encodeURIComponent(id)}`)).json();
    expect(doc.body).toBe(seed('000').body);
    const missing = await fetch(`${base}/v1/doc?id=nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toMatch(/no document/);
  });
});

describe('suyuan serve refuses clearly', () => {
  it('CORS only for browser-extension origins; web pages are refused', async () => {
    const ext = await fetch(`${base}/v1/health`, { headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(ext.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    const fx = await fetch(`${base}/v1/health`, { method: 'OPTIONS', headers: { origin: 'moz-extension://1234-ab' } });
    expect(fx.status).toBe(204);
    expect(fx.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const web = await post(`${base}/v1/analyse`, { page: { text: 'x' } }, { origin: 'https://evil.example' });
    expect(web.status).toBe(403);
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
    expect((await web.json()).error.message).toMatch(/not a browser extension/);
  });

  it('a bearer token, when set, is required', async () => {
    const url = await start(embeddedServeBackend(engine, 1), { token: 's3cret' });
    expect((await fetch(`${url}/v1/health`)).status).toBe(401);
    expect((await fetch(`${url}/v1/health`, { headers: { authorization: 'Bearer wrong!' } })).status).toBe(401);
    expect((await fetch(`${url}/v1/health`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
  });

  it('bad requests: size, type, JSON, fields, method, path', async () => {
    const small = await start(embeddedServeBackend(engine, 1), { maxBodyBytes: 1000 });
    const big = await post(`${small}/v1/analyse`, { page: { text: '字'.repeat(2000) } });
    expect(big.status).toBe(413);
    const cases: [Promise<Response>, number, RegExp][] = [
      [fetch(`${base}/v1/analyse`, { method: 'POST', body: '{}' }), 415, /JSON/],
      [post(`${base}/v1/analyse`, '{"page":'), 400, /not valid JSON/],
      [post(`${base}/v1/analyse`, { page: { text: 5 } }), 400, /page.text/],
      [post(`${base}/v1/analyse`, { page: { text: 'x', meta: { date: 5 } } }), 400, /page.meta/],
      [post(`${base}/v1/analyse`, { page: { text: 'x', lead: [] } }), 400, /page.lead/],
      [post(`${base}/v1/analyse`, { page: { text: 'x' }, options: { minPassageLength: 1 } }), 400, /minPassageLength/],
      [fetch(`${base}/v1/lookup?q=%20`), 400, /non-empty q/],
      [fetch(`${base}/v1/analyse`), 405, /POST only/],
      [fetch(`${base}/v2/x`), 404, /no such endpoint/],
    ];
    for (const [res, status, message] of cases) {
      const r = await res;
      expect(r.status).toBe(status);
      expect((await r.json()).error.message).toMatch(message);
    }
  });

  it('a failing OpenSearch is a 502 with its message, never a partial answer', async () => {
    const down: ServeBackend = {
      kind: 'opensearch',
      count: async () => 1,
      analyse: async () => {
        throw new OpenSearchError('OpenSearch at http://127.0.0.1:1 is not answering (connection refused)');
      },
      lookup: async () => {
        throw new OpenSearchError('timed out');
      },
      get: async () => undefined,
    };
    const url = await start(down);
    const res = await post(`${url}/v1/analyse`, { page: { text: '同志们' } });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      error: { status: 502, message: 'OpenSearch at http://127.0.0.1:1 is not answering (connection refused)' },
    });
  });
});
