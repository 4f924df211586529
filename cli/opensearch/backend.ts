// CorpusBackend over an OpenSearch index of layout.ts. Every answer is complete or an error:
// failed shards, time-outs and truncated aggregations throw, never return less.
import type { BackendDoc, CorpusBackend, DocRef, FingerprintCount, PhraseDocs } from '../../core/backend/backend';
import { FAMILY_CAP } from '../../core/index/families';
import type { CorpusDoc } from '../../core/model/types';
import { OpenSearchError, type OpenSearchClient } from './client';
import { SearchCoalescer } from './coalesce';
import { CountCache } from './count-cache';
import { checkComplete } from './layout';
import { phraseCountsOver } from './phrase-counts';
import { termCounts } from './term-counts';

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

/** Documents whose normalised text holds q: consecutive bigrams (match_phrase). */
function phraseQuery(q: string): unknown {
  // One character has no bigram of its own: any bigram starting or ending with it.
  const escaped = q.replace(/[\\*?]/g, '\\$&');
  return [...q].length >= 2
    ? { match_phrase: { norm: q } }
    : { bool: { should: [{ prefix: { norm: q } }, { wildcard: { norm: { value: `?${escaped}` } } }] } };
}

/** Provenance order: date (undated last; partial ISO dates sort as strings), then corpus order. */
const BY_DATE = [{ date: { order: 'asc', missing: '_last' } }, { seq: 'asc' }];
/** Families of a passage's holders read at most (a terms query's default limit is 65,536). */
const MAX_FAMILIES = 50_000;

type RefHit = { _id: string; fields?: { date?: string[]; seq: number[] } };
const toRef = (h: RefHit): DocRef =>
  h.fields?.date
    ? { id: h._id, date: h.fields.date[0]!, seq: h.fields.seq[0]! }
    : { id: h._id, seq: h.fields!.seq[0]! };

const toDoc = (h: Hit): BackendDoc => ({ doc: h._source.doc, seq: h._source.seq, family: h._source.family });

interface ShardStats {
  indexing: { index_total: number; delete_total: number };
  refresh: { total: number; external_total: number };
  docs?: { deleted: number };
}
interface StatsAnswer {
  _all: { primaries: ShardStats };
  indices: Record<string, { uuid: string; shards: Record<string, unknown> }>;
}

export class OpenSearchBackend implements CorpusBackend {
  /** Phrase counts kept across pages (emptied when the index changes: count()). */
  readonly counts = new CountCache();
  private readonly coalescer: SearchCoalescer;
  /** Shards and deleted documents as read at the start of this page (count()). */
  private shape?: { shards: number; deleted: number };

  constructor(
    readonly client: OpenSearchClient,
    readonly index: string,
  ) {
    this.coalescer = new SearchCoalescer(client, index);
  }

  private path(p: string): string {
    return `/${encodeURIComponent(this.index)}${p}`;
  }

  /** One search, sent with every other search asked at the same moment (one _msearch). */
  async search(body: unknown, what: string): Promise<SearchAnswer> {
    return (await this.coalescer.search(body, what)) as SearchAnswer;
  }

  /** The live documents; also where a page starts: the index's shape and write generation are
   *  read beside the count (same round trip), and kept phrase counts are dropped if it changed. */
  async count(): Promise<number> {
    const [r, stats] = await Promise.all([
      this.client.request<{ count: number; _shards?: { failed?: number } }>('GET', this.path('/_count')),
      this.client.request<StatsAnswer>('GET', this.path('/_stats/docs,indexing,refresh?level=shards')),
    ]);
    checkComplete(r!, 'count');
    const ix = Object.values(stats!.indices)[0]!;
    const p = stats!._all.primaries;
    this.shape = { shards: Object.keys(ix.shards).length, deleted: p.docs?.deleted ?? 0 };
    this.counts.at(
      [ix.uuid, p.indexing.index_total, p.indexing.delete_total, p.refresh.total, p.refresh.external_total].join(':'),
    );
    return r!.count;
  }

  async fingerprintCounts(hashes: number[]): Promise<Map<number, FingerprintCount>> {
    const terms = hashes.map(String);
    const docs = await termCounts(this.client, this.index, 'fp', terms, Infinity, this.shape);
    // Families matter only where they can differ from documents (2..FAMILY_CAP holders): an
    // aggregation over those few holders alone (at most FAMILY_CAP documents per term).
    const fam = terms.filter((t) => docs.get(t)! >= 2 && docs.get(t)! <= FAMILY_CAP);
    const families = new Map<string, number>();
    if (fam.length) {
      const r = await this.search(
        {
          size: 0,
          track_total_hits: false,
          query: { terms: { fp: fam } },
          aggs: {
            fp: {
              terms: { field: 'fp', include: fam, size: fam.length },
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
      for (const b of agg.buckets) families.set(b.key, b.fam.value);
    }
    const out = new Map<number, FingerprintCount>();
    for (const t of terms) {
      const n = docs.get(t)!;
      if (n > 0) out.set(Number(t), { docs: n, families: families.get(t) ?? n });
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
    const query = phraseQuery(q);
    const r = await this.search(
      { size: max, track_total_hits: max + 1, _source: ['doc', 'seq', 'family'], sort: [{ seq: 'asc' }], query },
      'phrase lookup',
    );
    const total = r.hits.total?.value ?? 0;
    return { docs: r.hits.hits.map(toDoc), complete: total <= max };
  }

  /** Counts kept from earlier pages answer first; the rest are asked in one batch. */
  async phraseCounts(qs: string[], need?: number): ReturnType<CorpusBackend['phraseCounts']> {
    const out = qs.map((q) => this.counts.get(q, need));
    const ask = [...new Set(qs.filter((_, k) => !out[k]))];
    if (!ask.length) return out as Awaited<ReturnType<CorpusBackend['phraseCounts']>>;
    const got = await phraseCountsOver(this.client, this.index, (q, max) => this.phraseDocs(q, max), ask, need);
    const byPhrase = new Map(ask.map((q, i) => [q, got[i]!]));
    for (const [q, c] of byPhrase) this.counts.set(q, c);
    return qs.map((q, k) => out[k] ?? byPhrase.get(q)!);
  }

  async holdersByDate(hashes: number[], min: number, sourceId: string, max: number): Promise<DocRef[]> {
    const times = new Map<number, number>();
    for (const h of hashes) times.set(h, (times.get(h) ?? 0) + 1);
    // Score = how many of the listed positions a document holds (a repeated hash weighs its count).
    const scored = {
      bool: {
        should: [...times].map(([h, k]) => ({ constant_score: { filter: { term: { fp: String(h) } }, boost: k } })),
      },
    };
    // The holders' families and the source's family are asked at once (one _msearch).
    const [held, source] = await Promise.all([
      times.size
        ? this.search(
            {
              size: 0,
              track_total_hits: false,
              min_score: min,
              query: scored,
              aggs: { fam: { terms: { field: 'family', size: MAX_FAMILIES } } },
            },
            'passage holders',
          )
        : undefined,
      this.search(
        { size: 1, _source: false, docvalue_fields: ['family'], query: { ids: { values: [sourceId] } } },
        'passage source',
      ),
    ]);
    const families = new Set<number>();
    if (held) {
      const agg = held.aggregations?.fam as { sum_other_doc_count: number; buckets: { key: number }[] };
      if (agg.sum_other_doc_count > 0)
        throw new OpenSearchError(`OpenSearch: a passage is held by more than ${MAX_FAMILIES} families`);
      for (const b of agg.buckets) families.add(Number(b.key));
    }
    for (const h of source.hits.hits as unknown as { fields: { family: number[] } }[])
      families.add(h.fields.family[0]!);
    if (!families.size) return [];
    const r = await this.search(
      {
        size: max,
        track_total_hits: false,
        _source: false,
        docvalue_fields: ['date', 'seq'],
        sort: BY_DATE,
        query: { terms: { family: [...families] } },
      },
      'passage provenance',
    );
    return (r.hits.hits as unknown as RefHit[]).map(toRef);
  }

  async docsHolding(hashes: number[], min: number, except: string[], max: number): Promise<BackendDoc[]> {
    const times = new Map<number, number>();
    for (const h of hashes) times.set(h, (times.get(h) ?? 0) + 1);
    if (!times.size) return [];
    const r = await this.search(
      {
        size: max,
        track_total_hits: false,
        track_scores: true,
        min_score: min,
        _source: ['doc', 'seq', 'family'],
        sort: [{ seq: 'asc' }],
        query: {
          bool: {
            should: [...times].map(([h, k]) => ({ constant_score: { filter: { term: { fp: String(h) } }, boost: k } })),
            must_not: [{ ids: { values: except } }],
          },
        },
      },
      'passage holders',
    );
    return r.hits.hits.map(toDoc);
  }

  async firstDated(q: string): Promise<DocRef | null> {
    if (!q) return null;
    const r = await this.search(
      {
        size: 1,
        track_total_hits: false,
        _source: false,
        docvalue_fields: ['date', 'seq'],
        sort: BY_DATE,
        query: { bool: { must: [phraseQuery(q)], filter: [{ exists: { field: 'date' } }] } },
      },
      'first use of a phrase',
    );
    const h = r.hits.hits[0] as unknown as RefHit | undefined;
    return h ? toRef(h) : null;
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
