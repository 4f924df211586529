// CorpusBackend over an OpenSearch index of layout.ts. Every answer is complete or an error:
// failed shards, time-outs and truncated aggregations throw, never return less.
import type { BackendDoc, CorpusBackend, FingerprintCount, PhraseDocs } from '../../core/backend/backend';
import { FAMILY_CAP } from '../../core/index/families';
import type { CorpusDoc } from '../../core/model/types';
import { OpenSearchError, type OpenSearchClient } from './client';
import { checkComplete } from './layout';

/** Most fingerprints in one candidate query (the cluster's indices.query.bool.max_clause_count
 *  must allow it; the launcher sets 16384). A longer page keeps its rarest (heaviest) ones:
 *  retrieval only proposes candidates, their vote is recomputed exactly. */
export const MAX_CLAUSES = 8000;

interface Hit {
  _id: string;
  _source: { doc: CorpusDoc; seq: number; family: number };
}
interface SearchAnswer {
  _shards?: { failed?: number };
  timed_out?: boolean;
  hits: { total?: { value: number; relation: string }; hits: Hit[] };
  aggregations?: Record<string, unknown>;
}

const toDoc = (h: Hit): BackendDoc => ({ doc: h._source.doc, seq: h._source.seq, family: h._source.family });

export class OpenSearchBackend implements CorpusBackend {
  constructor(
    readonly client: OpenSearchClient,
    readonly index: string,
  ) {}

  private path(p: string): string {
    return `/${encodeURIComponent(this.index)}${p}`;
  }

  async search(body: unknown, what: string): Promise<SearchAnswer> {
    const r = (await this.client.request<SearchAnswer>('POST', this.path('/_search'), body))!;
    checkComplete(r, what);
    return r;
  }

  async count(): Promise<number> {
    const r = (await this.client.request<{ count: number; _shards?: { failed?: number } }>(
      'GET',
      this.path('/_count'),
    ))!;
    checkComplete(r, 'count');
    return r.count;
  }

  async fingerprintCounts(hashes: number[]): Promise<Map<number, FingerprintCount>> {
    const terms = hashes.map(String);
    const r = await this.search(
      {
        size: 0,
        track_total_hits: false,
        query: { terms: { fp: terms } },
        aggs: {
          fp: {
            terms: { field: 'fp', include: terms, size: terms.length },
            aggs: { fam: { cardinality: { field: 'family', precision_threshold: 1000 } } },
          },
        },
      },
      'fingerprint counts',
    );
    const agg = r.aggregations?.fp as {
      sum_other_doc_count: number;
      buckets: { key: string; doc_count: number; fam: { value: number } }[];
    };
    if (agg.sum_other_doc_count > 0)
      throw new OpenSearchError('OpenSearch left fingerprint counts out (sum_other_doc_count > 0)');
    const out = new Map<number, FingerprintCount>();
    for (const b of agg.buckets) {
      const docs = b.doc_count;
      out.set(Number(b.key), { docs, families: docs < 2 || docs > FAMILY_CAP ? docs : b.fam.value });
    }
    return out;
  }

  async topByWeight(weights: Map<number, number>, size: number): Promise<BackendDoc[]> {
    let entries = [...weights];
    if (entries.length > MAX_CLAUSES) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_CLAUSES);
    const r = await this.search(
      {
        size,
        track_total_hits: false,
        _source: ['doc', 'seq', 'family'],
        sort: [{ _score: 'desc' }, { seq: 'asc' }],
        query: {
          bool: {
            should: entries.map(([h, w]) => ({ constant_score: { filter: { term: { fp: String(h) } }, boost: w } })),
          },
        },
      },
      'candidate retrieval',
    );
    return r.hits.hits.map(toDoc);
  }

  async phraseDocs(q: string, max: number): Promise<PhraseDocs> {
    // One character has no bigram of its own: any bigram starting or ending with it.
    const escaped = q.replace(/[\\*?]/g, '\\$&');
    const query =
      [...q].length >= 2
        ? { match_phrase: { norm: q } }
        : { bool: { should: [{ prefix: { norm: q } }, { wildcard: { norm: { value: `?${escaped}` } } }] } };
    const r = await this.search(
      { size: max, track_total_hits: max + 1, _source: ['doc', 'seq', 'family'], sort: [{ seq: 'asc' }], query },
      'phrase lookup',
    );
    const total = r.hits.total?.value ?? 0;
    return { docs: r.hits.hits.map(toDoc), complete: total <= max };
  }

  async get(id: string): Promise<CorpusDoc | undefined> {
    const r = await this.client.request<{ found: boolean; _source?: { doc: CorpusDoc } }>(
      'GET',
      this.path(`/_doc/${encodeURIComponent(id)}?_source=doc`),
      undefined,
      { allow404: true },
    );
    return r?.found ? r._source!.doc : undefined;
  }
}
