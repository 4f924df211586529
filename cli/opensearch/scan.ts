// Reads every document matching a query in seq order, page by page (search_after), so a scan
// of a million documents never holds more than one page.
import type { OpenSearchClient } from './client';
import { checkComplete } from './layout';

const PAGE = 1000;

export interface ScanOptions {
  /** Doc-value fields to read beside _source (e.g. a keyword array left out of _source). */
  docvalues?: string[];
  page?: number;
}

export async function scanDocs(
  client: OpenSearchClient,
  index: string,
  query: unknown,
  source: string[],
  fn: (id: string, src: Record<string, unknown>, fields: Record<string, unknown[]>) => void,
  opts: ScanOptions = {},
): Promise<void> {
  const page = opts.page ?? PAGE;
  let after: unknown[] | undefined;
  for (;;) {
    const r = (await client.request<{
      _shards?: { failed?: number };
      timed_out?: boolean;
      hits: {
        hits: { _id: string; _source: Record<string, unknown>; fields?: Record<string, unknown[]>; sort: unknown[] }[];
      };
    }>('POST', `/${encodeURIComponent(index)}/_search`, {
      size: page,
      track_total_hits: false,
      _source: source,
      ...(opts.docvalues ? { docvalue_fields: opts.docvalues } : {}),
      sort: [{ seq: 'asc' }],
      query,
      ...(after ? { search_after: after } : {}),
    }))!;
    checkComplete(r, 'a document scan');
    for (const h of r.hits.hits) fn(h._id, h._source, h.fields ?? {});
    if (r.hits.hits.length < page) return;
    after = r.hits.hits[r.hits.hits.length - 1]!.sort;
  }
}
