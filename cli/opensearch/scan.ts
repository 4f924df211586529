// Reads every document matching a query in seq order, page by page (search_after), so a scan
// of a million documents never holds more than one page.
import type { OpenSearchClient } from './client';
import { checkComplete } from './layout';

const PAGE = 1000;

export async function scanDocs(
  client: OpenSearchClient,
  index: string,
  query: unknown,
  source: string[],
  fn: (id: string, src: Record<string, unknown>) => void,
  page = PAGE,
): Promise<void> {
  let after: unknown[] | undefined;
  for (;;) {
    const r = (await client.request<{
      _shards?: { failed?: number };
      timed_out?: boolean;
      hits: { hits: { _id: string; _source: Record<string, unknown>; sort: unknown[] }[] };
    }>('POST', `/${encodeURIComponent(index)}/_search`, {
      size: page,
      track_total_hits: false,
      _source: source,
      sort: [{ seq: 'asc' }],
      query,
      ...(after ? { search_after: after } : {}),
    }))!;
    checkComplete(r, 'a document scan');
    for (const h of r.hits.hits) fn(h._id, h._source);
    if (r.hits.hits.length < page) return;
    after = r.hits.hits[r.hits.hits.length - 1]!.sort;
  }
}
