// `suyuan serve`'s HTTP side: routes, a bearer token, a body size limit, CORS for browser-extension
// origins only, and every error as JSON {"error": {"status", "message"}}. The answers are the
// backend's (ServeBackend); nothing here decides a match.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { docMeta } from '../../core/model/doc-meta';
import type { PageAnalysis } from '../../core/model/page';
import type { DocMeta } from '../../core/model/types';
import { OpenSearchError } from '../opensearch/client';
import { RequestError, checkAnalyse, checkLookup } from './requests';
import type { ServeBackend } from './serve-backend';

/** The largest request body accepted: a 2-million-character page in UTF-8 with its JSON. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Version of the HTTP API; fields are only ever added within a version. */
export const API_VERSION = 1;

export interface ServeOptions {
  /** Requests must carry `Authorization: Bearer <token>` when set. */
  token?: string;
  maxBodyBytes?: number;
  /** Called with one line per failed request (stderr in the CLI). */
  log?: (line: string) => void;
}

/** chrome-extension://…, moz-extension://… (Firefox), safari-web-extension://…: never a web page. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9.-]+$/;

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: http.IncomingMessage, max: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new RequestError(415, 'the body must be JSON (Content-Type: application/json)');
  const declared = Number(req.headers['content-length']);
  if (declared > max) throw new RequestError(413, `the body is over ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new RequestError(413, `the body is over ${max} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'the body is not valid JSON');
  }
}

async function analyse(backend: ServeBackend, body: unknown): Promise<PageAnalysis> {
  const { page, options } = checkAnalyse(body);
  const { match, boilerplate } = await backend.analyse(page.text, {
    ...options,
    page: { url: page.url, title: page.title, meta: page.meta, lead: page.lead },
  });
  const docs: Record<string, DocMeta> = {};
  for (const id of new Set([...match.candidates.map((c) => c.id), ...match.passages.map((p) => p.docId)])) {
    const doc = await backend.get(id);
    if (doc) docs[id] = docMeta(doc);
  }
  return { page, match, boilerplate, docs, analysedAt: Date.now() };
}

async function route(backend: ServeBackend, req: http.IncomingMessage, url: URL, max: number): Promise<unknown> {
  const path = url.pathname;
  const want = (method: string) => {
    if (req.method !== method) throw new RequestError(405, `${path} answers ${method} only`);
  };
  if (path === '/v1/health') {
    want('GET');
    return { ok: true, api: API_VERSION, backend: backend.kind, docs: await backend.count() };
  }
  if (path === '/v1/analyse') {
    want('POST');
    return analyse(backend, await readJson(req, max));
  }
  if (path === '/v1/lookup') {
    want('GET');
    const { query, limit } = checkLookup(url.searchParams);
    return backend.lookup(query, limit);
  }
  if (path === '/v1/doc') {
    want('GET');
    const id = url.searchParams.get('id');
    if (!id) throw new RequestError(400, 'doc needs an id');
    const doc = await backend.get(id);
    if (!doc) throw new RequestError(404, `no document ${JSON.stringify(id)}`);
    return doc;
  }
  throw new RequestError(404, `no such endpoint: ${path} (try /v1/health, /v1/analyse, /v1/lookup, /v1/doc)`);
}

function statusOf(err: unknown): { status: number; message: string } {
  if (err instanceof RequestError) return { status: err.status, message: err.message };
  // The team's OpenSearch is down or failing: the server is up but cannot answer (a gateway error).
  if (err instanceof OpenSearchError) return { status: 502, message: err.message };
  return { status: 500, message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
}

export function createServeServer(backend: ServeBackend, options: ServeOptions = {}): http.Server {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return http.createServer((req, res) => {
    const origin = req.headers.origin;
    const send = (status: number, body: unknown) => {
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' };
      if (origin && EXTENSION_ORIGIN.test(origin)) {
        headers['access-control-allow-origin'] = origin;
        headers['access-control-allow-headers'] = 'authorization, content-type';
        headers['access-control-allow-methods'] = 'GET, POST, OPTIONS';
        headers['access-control-max-age'] = '600';
      }
      res.writeHead(status, headers).end(status === 204 ? undefined : JSON.stringify(body));
    };
    const fail = (status: number, message: string) => {
      if (status >= 500) options.log?.(`${req.method} ${req.url}: ${status} ${message}`);
      // A body left unread would keep the connection busy; close it after an early refusal.
      if (!req.complete) res.setHeader('connection', 'close');
      send(status, { error: { status, message } });
    };
    // A web page's origin is refused outright (a "simple" POST would skip the preflight).
    if (origin && !EXTENSION_ORIGIN.test(origin)) return fail(403, `origin ${origin} is not a browser extension`);
    if (req.method === 'OPTIONS') return send(204, null);
    if (options.token && !tokenMatches(req.headers.authorization, options.token))
      return fail(401, 'a valid "Authorization: Bearer <token>" header is required');
    const url = new URL(req.url ?? '/', 'http://serve.invalid');
    route(backend, req, url, max).then(
      (body) => send(200, body),
      (err: unknown) => {
        const { status, message } = statusOf(err);
        fail(status, message);
      },
    );
  });
}
