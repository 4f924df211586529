// The OpenSearch index layout: one document per speech. `doc` keeps the CorpusDoc as given
// (stored, not indexed); `fp` its winnowed fingerprints as keywords (candidate retrieval and
// document frequencies); `norm` its normalised text under a character-bigram analyser (exact
// phrase candidates by match_phrase, verified locally); `sketch` the one-in-eight fingerprints
// family linking compares (a hash is in every sketch or in none, so counts over it are counts over fp);
// `seq` corpus order; `date` the document's date (partial ISO: sorted as strings, as provenance
// orders them; layout 2); `family` the label of
// its family of near-duplicates; `sketch_size` what family linking compares; `hash` the content
// hash that makes indexing idempotent. `fp` and `norm` are recomputed from `doc.body` whenever
// needed, so they (and sketch) are left out of _source (about half the stored bytes).
import { GRAM, WINDOW } from '../../core/index/grams';
import { OpenSearchClient, OpenSearchError } from './client';

/** Bump when the mapping, fingerprinting or normalisation changes: an index of another layout is
 *  refused with the command that rebuilds it. */
export const LAYOUT_VERSION = 2;

export interface IndexMeta {
  suyuan_layout: number;
  gram: number;
  window: number;
  /** Documents with seq ≤ this were linked into families. */
  linked_through: number;
  /** Content hashes of corpus folders indexed in full. */
  corpora: string[];
  /** Settings to put back after a bulk load; present while a load runs (or died mid-way). */
  bulk_restore?: { refresh_interval: string | null; number_of_replicas: string };
}

export function indexName(env = process.env): string {
  return env.SUYUAN_OPENSEARCH_INDEX || 'suyuan';
}

export function indexBody(shards = 1, replicas = 0): unknown {
  const meta: IndexMeta = {
    suyuan_layout: LAYOUT_VERSION,
    gram: GRAM,
    window: WINDOW,
    linked_through: -1,
    corpora: [],
  };
  return {
    settings: {
      index: { number_of_shards: shards, number_of_replicas: replicas },
      analysis: {
        tokenizer: { suyuan_bigram: { type: 'ngram', min_gram: 2, max_gram: 2 } },
        analyzer: { suyuan_bigram: { type: 'custom', tokenizer: 'suyuan_bigram' } },
      },
    },
    mappings: {
      dynamic: 'strict',
      _meta: meta,
      _source: { excludes: ['fp', 'sketch', 'norm'] },
      properties: {
        doc: { type: 'object', enabled: false },
        hash: { type: 'keyword' },
        seq: { type: 'long' },
        family: { type: 'long' },
        date: { type: 'keyword' },
        sketch_size: { type: 'integer' },
        fp: { type: 'keyword', index_options: 'docs' },
        sketch: { type: 'keyword', index_options: 'docs' },
        norm: { type: 'text', analyzer: 'suyuan_bigram', norms: false, index_options: 'positions' },
      },
    },
  };
}

function rebuildCommand(client: OpenSearchClient): string {
  return `suyuan index --opensearch ${client.base} --corpus DIR --reindex`;
}

/** The index's meta; null when the index does not exist. Refuses another layout. */
export async function readMeta(client: OpenSearchClient, index: string): Promise<IndexMeta | null> {
  const r = await client.request<Record<string, { mappings?: { _meta?: Partial<IndexMeta> } }>>(
    'GET',
    `/${encodeURIComponent(index)}/_mapping`,
    undefined,
    { allow404: true },
  );
  if (!r) return null;
  const m = Object.values(r)[0]?.mappings?._meta ?? {};
  if (m.suyuan_layout !== LAYOUT_VERSION || m.gram !== GRAM || m.window !== WINDOW)
    throw new OpenSearchError(
      `index "${index}" at ${client.base} has Suyuan layout ${m.suyuan_layout ?? 'none'} (gram ${m.gram ?? '?'}, window ${m.window ?? '?'}); ` +
        `this suyuan reads layout ${LAYOUT_VERSION} (gram ${GRAM}, window ${WINDOW}). Rebuild it: ${rebuildCommand(client)}`,
    );
  return { linked_through: -1, corpora: [], ...m } as IndexMeta;
}

/** For the query commands: the index must exist and have this layout. */
export async function requireIndex(client: OpenSearchClient, index: string): Promise<IndexMeta> {
  const m = await readMeta(client, index);
  if (!m)
    throw new OpenSearchError(
      `no Suyuan index "${index}" at ${client.base}: build it with suyuan index --opensearch ${client.base} --corpus DIR`,
    );
  return m;
}

export async function writeMeta(client: OpenSearchClient, index: string, meta: IndexMeta): Promise<void> {
  await client.request('PUT', `/${encodeURIComponent(index)}/_mapping`, { _meta: meta });
}

/** Creates the index when absent (or, with `reindex`, deletes and recreates it). */
export async function ensureIndex(
  client: OpenSearchClient,
  index: string,
  opts: { reindex?: boolean; shards?: number; replicas?: number } = {},
): Promise<IndexMeta> {
  if (opts.reindex) await client.request('DELETE', `/${encodeURIComponent(index)}`, undefined, { allow404: true });
  const m = await readMeta(client, index);
  if (m) return m;
  await client.request(
    'PUT',
    `/${encodeURIComponent(index)}?wait_for_active_shards=1`,
    indexBody(opts.shards, opts.replicas),
  );
  return (await readMeta(client, index))!;
}

/** Throws when a search answer is not the whole answer (failed shards, time-outs). */
export function checkComplete(r: { _shards?: { failed?: number }; timed_out?: boolean }, what: string): void {
  if (r.timed_out) throw new OpenSearchError(`OpenSearch timed out on ${what}: the answer would be partial`);
  if ((r._shards?.failed ?? 0) > 0)
    throw new OpenSearchError(
      `OpenSearch: ${r._shards!.failed} shard(s) failed on ${what}: the answer would be partial`,
    );
}
