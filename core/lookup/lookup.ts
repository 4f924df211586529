// Phrase lookup over the concatenated normalised corpus. Queries of SAMPLE - 1 characters or more
// are answered from the positional bigram postings (every occurrence named once, verified by
// startsWith); shorter ones (one or two characters) scan the whole string. Documents added since
// the text was built are searched one by one. Context and original offsets are built only for returned hits.
import type { LookupOptions } from '../model/engine-api';
import type { CorpusDoc, LookupHit, LookupResult } from '../model/types';
import { bodyMissing, MissingBodyError } from '../index/lazy-body';
import type { CorpusStore } from '../index/corpus-store';
import type { CorpusText } from '../index/corpus-text';
import { SEP } from '../index/phrase-index';
import { spanOf } from '../index/pos-map';
import { normalize, toOriginal } from '../text/normalize';
import { TUNABLES } from '../model/tunables';

/** Every live occurrence of q counted (total and documents), and per postings stream only its first
 *  `keep` live starts (each stream is sorted): the shown hits are the first `keep` of their merge,
 *  and a formula phrase's thousands of occurrences are not gathered into arrays to be counted. */
function occurrences(
  store: CorpusStore,
  t: CorpusText,
  q: string,
  keep: number,
): { streams: number[][]; total: number; docs: number } {
  const streams: number[][] = [];
  if (q.includes(SEP)) return { streams, total: 0, docs: 0 };
  const seen = new Uint8Array(t.slots.length);
  let total = 0;
  let docs = 0;
  let cur: number[] = [];
  let last = -1;
  // One document's occurrences are consecutive in a stream: its entry is looked up once.
  let end = -1;
  let live = false;
  const found = (x: number, stream: number): void => {
    if (stream !== last || x >= end) {
      const e = t.entryAt(x);
      end = t.starts[e + 1]!;
      live = !!store.docs[t.slots[e]!];
      if (live && !seen[e]) {
        seen[e] = 1;
        docs++;
      }
    }
    if (stream !== last) {
      cur = [];
      streams.push(cur);
      last = stream;
    }
    if (!live) return;
    total++;
    if (cur.length < keep) cur.push(x);
  };
  if (t.phraseIndex().forEachOccurrence(q, found)) return { streams, total, docs };
  // Queries shorter than the sampling step (one or two characters) scan the whole text once.
  for (let at = t.all.indexOf(q); at >= 0; at = t.all.indexOf(q, at + 1)) found(at, 0);
  return { streams, total, docs };
}

/** Calls hold(e) once for each text entry holding q that `settled` (asked once per entry, on
 *  first meeting it) does not rule out, until hold returns true; candidates inside an entry already
 *  held or ruled out are not verified. False when q is too short for the phrase index. */
function eachHoldingEntry(
  t: CorpusText,
  q: string,
  settled: (e: number) => boolean,
  hold: (e: number) => boolean,
): boolean {
  let from = 0;
  let to = -1;
  let e = -1;
  let done = false;
  const enter = (x: number): void => {
    if (x >= from && x < to) return;
    e = t.entryAt(x);
    from = t.starts[e]!;
    to = t.starts[e + 1]!;
    done = settled(e);
  };
  return t.phraseIndex().forEachOccurrence(
    q,
    (x) => {
      enter(x);
      done = true;
      return hold(e);
    },
    (x) => {
      enter(x);
      return done;
    },
  );
}

export function lookupPhrase(store: CorpusStore, query: string, options: LookupOptions = {}): LookupResult {
  const limit = options.limit ?? TUNABLES.lookupLimit.default;
  const ctx = options.contextChars ?? TUNABLES.lookupContext.default;
  const q = normalize(query).text;
  const hits: Found[] = [];
  if (!q) return { query, total: 0, docs: 0, hits: [] };
  const t = store.corpusText();
  const found = occurrences(store, t, q, limit);
  const { streams } = found;
  let { total, docs } = found;

  // Merge the sorted streams up to `limit` live hits, in corpus order.
  const heads = streams.map(() => 0);
  while (hits.length < limit) {
    let best = -1;
    for (let k = 0; k < streams.length; k++)
      if (heads[k]! < streams[k]!.length && (best < 0 || streams[k]![heads[k]!]! < streams[best]![heads[best]!]!))
        best = k;
    if (best < 0) break;
    const x = streams[best]![heads[best]!++]!;
    const e = t.entryAt(x);
    const doc = store.docs[t.slots[e]!];
    if (!doc) continue;
    const local = x - t.starts[e]!;
    const m = t.maps[e]!;
    const { start, end } = spanOf(m, local, local + q.length - 1);
    hits.push({ doc, start, end });
  }

  // Documents added since the text was built.
  for (const [slot, p] of store.pending) {
    const doc = store.docs[slot]!;
    if (p.text.includes(q)) docs++;
    for (let at = p.text.indexOf(q); at >= 0; at = p.text.indexOf(q, at + 1)) {
      total++;
      if (hits.length >= limit) continue;
      const o = toOriginal(store.norm(slot), at, at + q.length);
      hits.push({ doc, start: o.start, end: o.end });
    }
  }
  return { query, total, docs, hits: withContext(hits, ctx) };
}

interface Found {
  doc: CorpusDoc;
  start: number;
  end: number;
}

/** The hits with their context, read from the documents' bodies; a document whose body is kept in
 *  storage (lazy-body.ts) and not loaded fails the lookup naming every such document at once, so
 *  the caller reads them all and asks again. */
function withContext(found: Found[], ctx: number): LookupHit[] {
  const missing = new Set<string>();
  for (const f of found) if (bodyMissing(f.doc)) missing.add(f.doc.id);
  if (missing.size > 0) throw new MissingBodyError([...missing]);
  return found.map(({ doc, start, end }) => ({
    docId: doc.id,
    title: doc.title,
    start,
    end,
    context: context(doc.body, start, end, ctx),
  }));
}

function context(body: string, start: number, end: number, ctx: number): string {
  return body.slice(Math.max(0, start - ctx), Math.min(body.length, end + ctx));
}

/** Slots of the live documents holding a phrase, each once (for the first holder of a 提法). */
export function phraseHolders(store: CorpusStore, query: string): Set<number> {
  const out = new Set<number>();
  const q = normalize(query).text;
  if (!q) return out;
  const t = store.corpusText();
  const held = new Set<number>();
  const indexed =
    q.includes(SEP) ||
    eachHoldingEntry(
      t,
      q,
      (e) => held.has(e) || !store.docs[t.slots[e]!],
      (e) => {
        held.add(e);
        out.add(t.slots[e]!);
        return false;
      },
    );
  if (!indexed)
    for (let at = t.all.indexOf(q); at >= 0; at = t.all.indexOf(q, at + 1)) {
      const slot = t.slots[t.entryAt(at)]!;
      if (store.docs[slot]) out.add(slot);
    }
  for (const [slot, p] of store.pending) if (p.text.includes(q)) out.add(slot);
  return out;
}

/** Documents and families among a phrase's holders (phraseHolders), the excluded slots (the page's
 *  own saved copies) left out: a 提法's count, the same as lookup's `docs` when nothing is excluded. */
export function holderCount(
  store: CorpusStore,
  holders: Iterable<number>,
  exclude: ReadonlySet<number>,
): { docs: number; families: number } {
  const families = new Set<number>();
  let docs = 0;
  for (const slot of holders) {
    if (exclude.has(slot)) continue;
    docs++;
    families.add(store.familyOf(slot));
  }
  return { docs, families: families.size };
}

/** A 提法's count (holderCount of phraseHolders) when `need` is undefined; otherwise counting may
 *  stop as soon as `need` families hold the phrase (families then ≥ need, docs a lower bound):
 *  growing a phrase asks only whether the formula number of families hold it, and a common phrase
 *  is held by that many long before all its occurrences are read. */
export function phraseCount(
  store: CorpusStore,
  query: string,
  exclude: ReadonlySet<number>,
  need?: number,
): { docs: number; families: number } {
  const q = normalize(query).text;
  if (need === undefined || !q || q.includes(SEP)) return holderCount(store, phraseHolders(store, query), exclude);
  const families = new Set<number>();
  const seen = new Set<number>();
  const hold = (slot: number): boolean => {
    if (seen.has(slot) || exclude.has(slot) || !store.docs[slot]) return false;
    seen.add(slot);
    families.add(store.familyOf(slot));
    return families.size >= need;
  };
  const t = store.corpusText();
  const counted = () => ({ docs: seen.size, families: families.size });
  const indexed = eachHoldingEntry(
    t,
    q,
    (e) => {
      const slot = t.slots[e]!;
      return seen.has(slot) || exclude.has(slot) || !store.docs[slot];
    },
    (e) => hold(t.slots[e]!),
  );
  if (!indexed) return holderCount(store, phraseHolders(store, query), exclude);
  if (families.size >= need) return counted();
  for (const [slot, p] of store.pending) if (p.text.includes(q) && hold(slot)) break;
  return counted();
}
