// Which corpus documents hold a stretch of the page: those sharing at least half of the stretch's
// fingerprints. Near-duplicates of a holder (its family) hold it too, even where the index's
// winnowing sampled them differently.
import type { CorpusStore } from '../index/corpus-store';
import { GRAM, NO_HASH, gramHashes, winnow } from '../index/grams';
import type { NormalizedText } from '../text/normalize';

/** Fingerprints held by more documents than this say nothing about who holds a passage. */
export const MAX_DF = 5000;

export interface PageGramsIndex {
  n: NormalizedText;
  hashes: Uint32Array;
  /** Winnowed positions, ascending. */
  winnowed: number[];
  /** Per gram position, its fingerprint's document count when already known (the match profile
   *  asked the same index), else -1. */
  dfAt?: Int32Array;
}

/** `hashes`, `dfAt`: the page's gram hashes and known document counts when already computed
 *  over the same index (the match profile has them). */
export function pageGrams(n: NormalizedText, hashes = gramHashes(n.text), dfAt?: Int32Array): PageGramsIndex {
  return { n, hashes, winnowed: winnow(hashes), ...(dfAt ? { dfAt } : {}) };
}

/** Slots holding at least `share` of the fingerprints inside the page span [start, end) (original
 *  offsets), with the share each holds; excluded slots never count. */
export function holdersOf(
  store: CorpusStore,
  g: PageGramsIndex,
  start: number,
  end: number,
  exclude: ReadonlySet<number>,
  share = 0.5,
): Map<number, number> {
  const fps = spanFingerprints(g, start, end, (h) => store.fp.df(h));
  // One pass over each distinct slot list (a passage's fingerprints often share one), counted
  // in a typed array: decoding the same long lists into a Map per fingerprint was most of it.
  // Only holders of the share are kept: the tally touches thousands of slots through the
  // commoner fingerprints, and putting each in a Map first was most of the cost.
  const out = new Map<number, number>();
  if (fps.length === 0) return out;
  const need = share * fps.length;
  store.fp.tallyShared(
    fps,
    MAX_DF,
    (slot, k) => {
      if (k >= need && !exclude.has(slot)) out.set(slot, k / fps.length);
    },
    1,
  );
  return out;
}

/** The fingerprints a holder is judged on: one per winnowed position inside the page span
 *  [start, end) (original offsets), a hash repeated as often as it is sampled, leaving out those
 *  in no document or in more than MAX_DF. */
export function spanFingerprints(g: PageGramsIndex, start: number, end: number, df: (h: number) => number): number[] {
  const span = normalisedSpan(g.n, start, end);
  const out: number[] = [];
  for (const p of g.winnowed) {
    if (p < span.start || p + GRAM > span.end) continue;
    const h = g.hashes[p]!;
    if (h === NO_HASH) continue;
    const known = g.dfAt?.[p] ?? -1;
    const n = known >= 0 ? known : df(h);
    if (n > 0 && n <= MAX_DF) out.push(h);
  }
  return out;
}

/** Adds the live family members of every holder (a near-duplicate holds what its twin holds). */
export function withFamilies(store: CorpusStore, holders: Map<number, number>, exclude: ReadonlySet<number>): void {
  if (!store.families.linked || holders.size === 0) return;
  const families = new Set([...holders.keys()].map((s) => store.families.of(s)));
  for (let slot = 0; slot < store.docs.length; slot++) {
    if (!store.docs[slot] || holders.has(slot) || exclude.has(slot)) continue;
    if (families.has(store.families.of(slot))) holders.set(slot, 0);
  }
}

/** The normalised span covering the original span [start, end) (passages are found in normalised
 *  text and reported in original offsets; their fingerprints are looked up back in normalised). */
function normalisedSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  let lo = 0;
  let hi = n.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n.ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = lo;
  hi = n.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n.starts[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return { start: s, end: Math.max(s, lo) };
}
