// How many documents and families hold a phrase, counted by OpenSearch without reading any text.
// `norm` is indexed as overlapping character bigrams, one per position (the ngram tokenizer with
// min = max = 2 gives the bigram starting at character k the position k), so `match_phrase` on a
// phrase of two characters or more finds exactly the documents whose normalised text contains it:
// its bigrams at consecutive positions are its characters at consecutive offsets. That is why the
// count needs no local verification; a one-character phrase has no bigram of its own and is
// counted from the documents' text (phraseDocs), as before.
// Families: the labels of the families holding it more than once, by a terms aggregation with
// `min_doc_count: 2` (largest first). Families = documents - sum(holders - 1) over those, exact
// as soon as every such family came back (fewer buckets than asked for, no count error), which is
// nearly always at once: near-duplicates are few, so the count is whole in the first round trip
// whether or not the caller only needed to know "at least need families".
import type { PhraseCount } from '../../core/boilerplate/boilerplate';
import type { CorpusBackend } from '../../core/backend/backend';
import { normalize } from '../../core/text/normalize';
import { OpenSearchError, type OpenSearchClient } from './client';
import { msearchAll, type MsearchAnswer } from './msearch';

/** Buckets (families holding the phrase more than once) asked for at first; past this many the
 *  phrase is asked again with MAX_FAMILY_BUCKETS. */
const FIRST_BUCKETS = 64;
const MAX_FAMILY_BUCKETS = 50_000;

type Counted = PhraseCount & { whole?: boolean };

interface FamilyAgg {
  doc_count_error_upper_bound?: number;
  buckets: { key: number; doc_count: number }[];
}

function countBody(q: string, buckets: number): unknown {
  return {
    size: 0,
    track_total_hits: true,
    query: { match_phrase: { norm: q } },
    aggs: { fam: { terms: { field: 'family', size: buckets, min_doc_count: 2 } } },
  };
}

/** The count an answer gives, or undefined when it must be asked again with more buckets. */
function countOf(a: MsearchAnswer, buckets: number, need: number | undefined): Counted | undefined {
  const total = a.hits?.total;
  if (!total || total.relation !== 'eq') throw new OpenSearchError('OpenSearch gave no exact hit count for a phrase');
  const docs = total.value;
  const agg = a.aggregations?.fam as FamilyAgg;
  const b = agg.buckets;
  if (b.length < buckets && (agg.doc_count_error_upper_bound ?? 0) === 0)
    return { docs, families: docs - b.reduce((x, k) => x + k.doc_count - 1, 0), whole: true };
  // Each bucket is a family of its own: at least that many.
  if (need !== undefined && b.length >= need) return { docs, families: b.length };
  return undefined;
}

/** CorpusBackend.phraseCounts over an index of layout.ts: count-only searches, batched (_msearch). */
export async function phraseCountsOver(
  client: OpenSearchClient,
  index: string,
  phraseDocs: CorpusBackend['phraseDocs'],
  qs: string[],
  need?: number,
): Promise<Counted[]> {
  const out: (Counted | undefined)[] = new Array(qs.length);
  const long: number[] = [];
  for (let k = 0; k < qs.length; k++) {
    if ([...qs[k]!].length >= 2) long.push(k);
    else out[k] = await shortCount(phraseDocs, qs[k]!);
  }
  const first = Math.max(FIRST_BUCKETS, need ?? 0);
  const answers = await msearchAll(
    client,
    index,
    long.map((k) => countBody(qs[k]!, first)),
    'phrase count',
  );
  const again: number[] = [];
  long.forEach((k, i) => (out[k] = countOf(answers[i]!, first, need)) ?? again.push(k));
  if (again.length) {
    const more = await msearchAll(
      client,
      index,
      again.map((k) => countBody(qs[k]!, MAX_FAMILY_BUCKETS)),
      'phrase count',
    );
    again.forEach((k, i) => {
      const c = countOf(more[i]!, MAX_FAMILY_BUCKETS, need);
      if (!c) throw new OpenSearchError(`OpenSearch: a phrase is held by more than ${MAX_FAMILY_BUCKETS} families`);
      out[k] = c;
    });
  }
  return out as Counted[];
}

/** A one-character phrase: its holders' text read and checked (phraseDocs may return a superset). */
async function shortCount(phraseDocs: CorpusBackend['phraseDocs'], q: string): Promise<Counted> {
  if (!q) return { docs: 0, families: 0, whole: true };
  const found = await phraseDocs(q, MAX_FAMILY_BUCKETS);
  if (!found.complete)
    throw new OpenSearchError(`OpenSearch: "${q}" is held by more than ${MAX_FAMILY_BUCKETS} documents`);
  const families = new Set<number>();
  let docs = 0;
  for (const { doc, family } of found.docs)
    if (normalize(doc.body).text.includes(q)) {
      docs++;
      families.add(family);
    }
  return { docs, families: families.size, whole: true };
}
