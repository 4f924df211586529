// _msearch: many small searches in one request, each answer complete or an error. Count-only
// term queries batched this way are how document frequencies are read: Lucene answers a term's
// count from its postings header without visiting the documents, where an aggregation over the
// documents holding any of a page's terms visits each of them (and every value they hold).
import { OpenSearchError, type OpenSearchClient } from './client';
import { checkComplete } from './layout';

export interface MsearchAnswer<H = unknown> {
  error?: unknown;
  _shards?: { failed?: number };
  timed_out?: boolean;
  hits?: { total?: { value: number; relation: string }; hits: H[] };
  aggregations?: Record<string, unknown>;
}

/** Searches per _msearch request. */
export const MSEARCH_BATCH = 1000;

export async function msearch<H>(
  client: OpenSearchClient,
  index: string,
  bodies: unknown[],
  what: string,
): Promise<MsearchAnswer<H>[]> {
  const head = JSON.stringify({ index });
  const nd = bodies.map((b) => `${head}\n${JSON.stringify(b)}\n`).join('');
  const r = (await client.request<{ responses: MsearchAnswer<H>[] }>('POST', '/_msearch', nd, { ndjson: true }))!;
  if (r.responses.length !== bodies.length)
    throw new OpenSearchError(`OpenSearch answered ${r.responses.length} of ${bodies.length} ${what} queries`);
  for (const a of r.responses) {
    if (a.error)
      throw new OpenSearchError(`OpenSearch failed a ${what} query: ${JSON.stringify(a.error).slice(0, 300)}`);
    checkComplete(a, what);
  }
  return r.responses;
}

/** Runs `fn` over `items` with at most `n` calls pending at once. */
export async function inFlight<T>(items: T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/** `bodies` in batches of MSEARCH_BATCH, `n` in flight; answers in the order asked. */
export async function msearchAll<H>(
  client: OpenSearchClient,
  index: string,
  bodies: unknown[],
  what: string,
  n = 2,
): Promise<MsearchAnswer<H>[]> {
  const out: MsearchAnswer<H>[] = new Array(bodies.length);
  const starts: number[] = [];
  for (let i = 0; i < bodies.length; i += MSEARCH_BATCH) starts.push(i);
  await inFlight(starts, n, async (i) => {
    const res = await msearch<H>(client, index, bodies.slice(i, i + MSEARCH_BATCH), what);
    res.forEach((a, k) => (out[i + k] = a));
  });
  return out;
}
