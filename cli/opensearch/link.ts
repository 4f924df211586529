// Family linking inside OpenSearch, by the embedded engine's rule (core/index/families.ts): a
// new document joins the family of every document whose sketch shares at least LINK of the
// smaller sketch, counting only fingerprints held by 2..FAMILY_CAP documents. It runs after a
// bulk load, over every document not yet linked, against the whole index (as the engine links a
// batch after adding it). Labels are the seq of a family's oldest member; merging two families
// relabels the younger one's documents (rewritten whole, since fp and norm are not in _source).
//
// Cost: the sketches are read from doc values (nothing recomputed); the document counts of a
// page's sketch hashes come from the term dictionary (term-counts.ts), remembered for the run;
// each document's candidate query then holds only hashes of 2..FAMILY_CAP documents, so it
// visits at most FAMILY_CAP documents per hash. Several pages are in flight. (An aggregation
// over the page's hashes did the counting before: it visited every document holding any of
// them, and every hash they hold: quadratic in the corpus, an hour at 10,000 speeches.)
import { FAMILY_CAP, LINK, MIN_SKETCH } from '../../core/index/families';
import type { CorpusDoc } from '../../core/model/types';
import type { OpenSearchClient } from './client';
import { bulkWithRetry } from './bulk';
import { indexedDoc } from './indexed-doc';
import { inFlight, msearch } from './msearch';
import { indexShape, termCounts } from './term-counts';
import { scanDocs } from './scan';

/** Documents per candidate _msearch; requests in flight; hashes counted per request. */
const PAGE = 200;
const IN_FLIGHT = 3;
const COUNT_BATCH = 8000;

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

type LinkHit = { _score: number; fields: { family: number[]; sketch_size: number[] } };

/** Document counts (exact up to FAMILY_CAP) of the hashes that can link: held by 2..FAMILY_CAP. */
async function linkableCounts(client: OpenSearchClient, index: string, docs: Pending[]): Promise<Map<number, number>> {
  const hashes = new Set<number>();
  for (const p of docs) if (p.sketch.length >= MIN_SKETCH) for (const h of p.sketch) hashes.add(h);
  const shape = await indexShape(client, index);
  const out = new Map<number, number>();
  const all = [...hashes];
  for (let i = 0; i < all.length; i += COUNT_BATCH) {
    const terms = all.slice(i, i + COUNT_BATCH).map(String);
    const got = await termCounts(client, index, 'sketch', terms, FAMILY_CAP, shape);
    for (const [t, n] of got) if (n > 1 && n <= FAMILY_CAP) out.set(Number(t), n);
  }
  return out;
}

function candidateQuery(p: Pending, fps: number[], after: number): unknown {
  return {
    size: 500,
    track_total_hits: false,
    min_score: LINK * MIN_SKETCH,
    // Doc values, not _source: fetching _source decompresses each hit's whole text.
    _source: false,
    docvalue_fields: ['family', 'sketch_size'],
    query: {
      bool: {
        should: fps.map((h) => ({ constant_score: { filter: { term: { sketch: String(h) } }, boost: 1 } })),
        // Without it the filter alone would match (score 0) every document of the index.
        minimum_should_match: Math.ceil(LINK * MIN_SKETCH),
        filter: [{ range: { sketch_size: { gte: MIN_SKETCH } } }, { range: { seq: { lte: after } } }],
      },
    },
  };
}

/** Links the new documents among themselves, in memory (their sketches are all here), as the
 *  engine does (a tally over the holders of each linkable hash); returns the new documents that
 *  share enough hashes with older ones to need a query, with those hashes. */
function linkAmongNew(
  docs: Pending[],
  linkable: Map<number, number>,
  sets: LabelSets,
): { pairs: number; asks: { p: Pending; fps: number[] }[] } {
  const holders = new Map<number, number[]>();
  docs.forEach((p, i) => {
    for (const h of p.sketch) if (linkable.has(h)) (holders.get(h) ?? holders.set(h, []).get(h)!).push(i);
  });
  const tally = new Uint32Array(docs.length);
  const asks: { p: Pending; fps: number[] }[] = [];
  let pairs = 0;
  docs.forEach((p, i) => {
    if (p.sketch.length < MIN_SKETCH) return;
    const touched: number[] = [];
    const older: number[] = [];
    for (const h of p.sketch) {
      const mine = holders.get(h);
      if (!mine) continue;
      // Held by more documents than the new ones holding it: an older document holds it too.
      if (linkable.get(h)! > mine.length) older.push(h);
      for (const j of mine)
        if (j > i) {
          if (tally[j] === 0) touched.push(j);
          tally[j]!++;
        }
    }
    for (const j of touched) {
      const q = docs[j]!;
      if (q.sketch.length >= MIN_SKETCH && tally[j]! >= LINK * Math.min(p.sketch.length, q.sketch.length)) {
        sets.union(p.family, q.family);
        pairs++;
      }
      tally[j] = 0;
    }
    if (older.length >= LINK * MIN_SKETCH) asks.push({ p, fps: older });
  });
  return { pairs, asks };
}

/** Links new documents with older ones (seq <= after): one query per document that shares
 *  enough linkable hashes with them, a page of queries per _msearch, several in flight. */
async function linkWithOlder(
  client: OpenSearchClient,
  index: string,
  after: number,
  asks: { p: Pending; fps: number[] }[],
  sets: LabelSets,
): Promise<number> {
  const pages: (typeof asks)[] = [];
  for (let i = 0; i < asks.length; i += PAGE) pages.push(asks.slice(i, i + PAGE));
  let pairs = 0;
  await inFlight(pages, IN_FLIGHT, async (page) => {
    const res = await msearch<LinkHit>(
      client,
      index,
      page.map(({ p, fps }) => candidateQuery(p, fps, after)),
      'family linking',
    );
    res.forEach((a, i) => {
      const { p } = page[i]!;
      for (const h of a.hits!.hits)
        if (h._score >= LINK * Math.min(p.sketch.length, h.fields.sketch_size[0]!)) {
          sets.union(p.family, h.fields.family[0]!);
          pairs++;
        }
    });
  });
  return pairs;
}

async function pendingDocs(client: OpenSearchClient, index: string, after: number): Promise<Pending[]> {
  const out: Pending[] = [];
  await scanDocs(
    client,
    index,
    { range: { seq: { gt: after } } },
    ['seq', 'family'],
    (_id, src, fields) => {
      const sketch = ((fields.sketch ?? []) as string[]).map(Number);
      out.push({ seq: src.seq as number, family: src.family as number, sketch });
    },
    { docvalues: ['sketch'] },
  );
  return out;
}

async function relabel(client: OpenSearchClient, index: string, moved: Map<number, number>): Promise<number> {
  const rewrite: { d: CorpusDoc; hash: string; seq: number; family: number }[] = [];
  const labels = [...moved.keys()];
  // A terms query holds at most 65,536 terms by default.
  for (let i = 0; i < labels.length; i += 10_000)
    await scanDocs(
      client,
      index,
      { terms: { family: labels.slice(i, i + 10_000) } },
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
  await client.request('POST', `/${encodeURIComponent(index)}/_refresh`);
  return rewrite.length;
}

/** Links every document with seq > after; returns linked pairs and documents relabeled. */
export async function linkFamilies(
  client: OpenSearchClient,
  index: string,
  after: number,
  say: (line: string) => void,
): Promise<{ pairs: number; relabeled: number }> {
  const sets = new LabelSets();
  const docs = await pendingDocs(client, index, after);
  const linkable = await linkableCounts(client, index, docs);
  const among = linkAmongNew(docs, linkable, sets);
  say(
    `linked ${docs.length} new documents among themselves (${among.pairs} near-duplicate pairs); ${among.asks.length} to compare with older ones`,
  );
  const older = among.asks.length ? await linkWithOlder(client, index, after, among.asks, sets) : 0;
  const moved = sets.moved();
  const relabeled = moved.size ? await relabel(client, index, moved) : 0;
  return { pairs: among.pairs + older, relabeled };
}
