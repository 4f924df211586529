// A minimal OpenSearch REST client over fetch: JSON in and out, a timeout on every request, and
// one error type whose message says what went wrong in words a user can act on (server down,
// too slow, or an error it answered). Nothing here retries except bulk rejections (bulk.ts).

export class OpenSearchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OpenSearchError';
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Per request, ms (SUYUAN_OPENSEARCH_TIMEOUT_MS, default 30 s). */
  timeoutMs?: number;
  fetch?: FetchLike;
}

function reasonOf(body: unknown): string {
  const e = (body as { error?: { type?: string; reason?: string; root_cause?: { reason?: string }[] } })?.error;
  if (!e) return typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300);
  const root = e.root_cause?.[0]?.reason;
  return `${e.type ?? 'error'}: ${e.reason ?? ''}${root && root !== e.reason ? ` (${root})` : ''}`;
}

export class OpenSearchClient {
  readonly base: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: FetchLike;
  /** HTTP requests sent so far (round trips: the bench prints them per page). */
  requests = 0;

  constructor(url: string, options: ClientOptions = {}) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new OpenSearchError(`not an OpenSearch URL: "${url}" (expected e.g. http://127.0.0.1:9200)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new OpenSearchError(`not an OpenSearch URL: "${url}" (expected http:// or https://)`);
    this.base = url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? (Number(process.env.SUYUAN_OPENSEARCH_TIMEOUT_MS) || 30_000);
    this.fetchFn = options.fetch ?? ((u2, init) => fetch(u2, init));
  }

  /** Sends a request; `ndjson` bodies are sent as given. 404 answers `null` when allowed. */
  async request<T>(method: string, path: string, body?: unknown, opts: { ndjson?: boolean; allow404?: boolean } = {}) {
    const url = `${this.base}${path}`;
    this.requests++;
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        method,
        headers: { 'content-type': opts.ndjson ? 'application/x-ndjson' : 'application/json' },
        body: body === undefined ? undefined : opts.ndjson ? (body as string) : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw this.transportError(err);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw this.transportError(err);
    }
    if (res.status === 404 && opts.allow404) return null as T | null;
    let json: unknown = text;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text for the message
    }
    if (!res.ok)
      throw new OpenSearchError(
        `OpenSearch at ${this.base} answered ${res.status} to ${method} ${path.split('?')[0]}: ${reasonOf(json)}`,
        res.status,
      );
    return json as T | null;
  }

  private transportError(err: unknown): OpenSearchError {
    const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return new OpenSearchError(
        `OpenSearch at ${this.base} did not answer within ${this.timeoutMs} ms (SUYUAN_OPENSEARCH_TIMEOUT_MS raises it)`,
      );
    const code = e.cause?.code;
    if (code === 'ECONNREFUSED')
      return new OpenSearchError(
        `OpenSearch at ${this.base} is not reachable (connection refused): is it running? (npm run opensearch:start)`,
      );
    const why = code ?? e.cause?.message ?? e.message ?? String(err);
    return new OpenSearchError(`OpenSearch at ${this.base} is not reachable: ${why}`);
  }
}
