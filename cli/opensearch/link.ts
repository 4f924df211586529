// Family linking inside OpenSearch, by the embedded engine's rule (core/index/families.ts): a
// new document joins the family of every document whose sketch shares at least LINK of the
// smaller sketch, counting only fingerprints held by 2..FAMILY_CAP documents. It runs after a
// bulk load, over every document not yet linked, against the whole index (as the engine links a
// batch after adding it). Labels are the seq of a family's oldest member; merging two families
// relabels the younger one's documents (rewritten whole, since fp and norm are not in _source).
import { FAMILY_CAP, LINK, MIN_SKETCH, sketchOf } from '../../core/index/families';
import { fingerprints } from '../../core/index/grams';
import type { CorpusDoc } from '../../core/model/types';
import { normalize } from '../../core/text/normalize';
import { OpenSearchError, type OpenSearchClient } from './client';
import { bulkWithRetry } from './bulk';
import { indexedDoc } from './indexed-doc';
import { checkComplete } from './layout';
import { scanDocs } from './scan';

const PAGE = 200;

interface Pending {
  seq: number;
  family: number;
  sketch: number[];
}

class LabelSets {
  private parent = new Map<number, number>();
  find(a: number): number {
    let r = a;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
  moved(): Map<number, number> {
    const out = new Map<number, number>();
    for (const l of this.parent.keys()) if (this.find(l) !== l) out.set(l, this.find(l));
    return out;
  }
}

async function docCounts(client: OpenSearchClient, index: string, fps: number[]): Promise<Map<number, number>> {
  const terms = fps.map(String);
  const r = (await client.request<{
    _shards?: { failed?: number };
    aggregations: { fp: { buckets: { key: string; doc_count: number }[] } };
  }>('POST', `/${encodeURIComponent(index)}/_search`, {
    size: 0,
    track_total_hits: false,
    // The sketch field holds exactly the sketch hashes of every document: 1/8 of fp to aggregate over.
    query: { terms: { sketch: terms } },
    aggs: { fp: { terms: { field: 'sketch', include: terms, size: terms.length } } },
  }))!;
  checkComplete(r, 'family linking counts');
  return new Map(r.aggregations.fp.buckets.map((b) => [Number(b.key), b.doc_count]));
}

type LinkHit = { _score: number; _source: { seq: number; family: number; sketch_size: number } };

async function linkPage(client: OpenSearchClient, index: string, page: Pending[], sets: LabelSets): Promise<number> {
  const all = [...new Set(page.flatMap((p) => p.sketch))];
  const df = all.length ? await docCounts(client, index, all) : new Map<number, number>();
  const asks: { p: Pending; fps: number[] }[] = [];
  for (const p of page) {
    if (p.sketch.length < MIN_SKETCH) continue;
    const fps = p.sketch.filter((h) => (df.get(h) ?? 0) > 1 && df.get(h)! <= FAMILY_CAP);
    if (fps.length) asks.push({ p, fps });
  }
  if (!asks.length) return 0;
  const body = asks
    .map(({ p, fps }) => {
      const q = {
        size: 500,
        track_total_hits: false,
        min_score: LINK * MIN_SKETCH,
        _source: ['seq', 'family', 'sketch_size'],
        query: {
          bool: {
            should: fps.map((h) => ({ constant_score: { filter: { term: { sketch: String(h) } }, boost: 1 } })),
            filter: [{ range: { sketch_size: { gte: MIN_SKETCH } } }],
            must_not: [{ term: { seq: p.seq } }],
          },
        },
      };
      return `{"index":${JSON.stringify(index)}}\n${JSON.stringify(q)}\n`;
    })
    .join('');
  const r = (await client.request<{ responses: (LinkHit[] | unknown)[] }>('POST', '/_msearch', body, {
    ndjson: true,
  }))!;
  let pairs = 0;
  r.responses.forEach((res, i) => {
    const a = res as { error?: unknown; _shards?: { failed?: number }; hits?: { hits: LinkHit[] } };
    if (a.error)
      throw new OpenSearchError(`OpenSearch failed a family linking query: ${JSON.stringify(a.error).slice(0, 300)}`);
    checkComplete(a, 'family linking');
    const { p } = asks[i]!;
    for (const h of a.hits!.hits) {
      const other = h._source.sketch_size;
      if (h._score >= LINK * Math.min(p.sketch.length, other)) {
        sets.union(p.family, h._source.family);
        pairs++;
      }
    }
  });
  return pairs;
}

/** Links every document with seq > after; returns linked pairs and documents relabeled. */
export async function linkFamilies(
  client: OpenSearchClient,
  index: string,
  after: number,
  say: (line: string) => void,
): Promise<{ pairs: number; relabeled: number }> {
  const sets = new LabelSets();
  let pairs = 0;
  let page: Pending[] = [];
  let seen = 0;
  const flush = async (): Promise<void> => {
    pairs += await linkPage(client, index, page, sets);
    seen += page.length;
    page = [];
    say(`linked ${seen} documents into families (${pairs} near-duplicate pairs)`);
  };
  const pendingPages: Pending[][] = [];
  await scanDocs(client, index, { range: { seq: { gt: after } } }, ['doc', 'seq', 'family'], (_id, src) => {
    const d = src.doc as CorpusDoc;
    page.push({
      seq: src.seq as number,
      family: src.family as number,
      sketch: sketchOf(fingerprints(normalize(d.body).text)),
    });
    if (page.length >= PAGE) {
      pendingPages.push(page);
      page = [];
    }
  });
  if (page.length) pendingPages.push(page);
  for (const p of pendingPages) {
    page = p;
    await flush();
  }
  const moved = sets.moved();
  let relabeled = 0;
  if (moved.size) {
    const rewrite: { d: CorpusDoc; hash: string; seq: number; family: number }[] = [];
    await scanDocs(
      client,
      index,
      { terms: { family: [...moved.keys()] } },
      ['doc', 'hash', 'seq', 'family'],
      (_id, s) => {
        rewrite.push({
          d: s.doc as CorpusDoc,
          hash: s.hash as string,
          seq: s.seq as number,
          family: moved.get(s.family as number)!,
        });
      },
    );
    for (let i = 0; i < rewrite.length; i += PAGE) {
      const actions = rewrite.slice(i, i + PAGE).map((x) => ({
        action: { index: { _index: index, _id: x.d.id } },
        source: indexedDoc(x.d, x.hash, x.seq, x.family),
      }));
      await bulkWithRetry(client, actions);
    }
    relabeled = rewrite.length;
    await client.request('POST', `/${encodeURIComponent(index)}/_refresh`);
  }
  return { pairs, relabeled };
}
