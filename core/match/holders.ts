// Every corpus document holding a passage. A passage copied into a few documents (policy
// diffusion: one sentence in three provinces' reports) is aligned with one of them; the others
// hold the same wording and are named with it, so a reader sees the whole set. The same count
// decides formula for a passage as a whole: a sentence built of formula pieces, each in dozens of
// speeches, can still be held whole by three.
import type { MatchSource } from '../backend/match-source';
import { GRAM } from '../index/grams';
import type { Chain } from './chain';
import type { PageProfile } from './page-profile';

const NONE: ReadonlySet<number> = new Set();

/** Most fingerprints of a span probed to name its holders. */
const PROBES = 24;
/** Fewest probed: the rarest fingerprints, and every one as rare as the MIN_PROBES-th. */
const MIN_PROBES = 4;

/** Slots holding the chain's page span as fully as the aligned document `slot` does (each of the
 *  span's PROBES rarest fingerprints it holds; `defining`: only the rarest level, the wording that
 *  makes the passage rather than a formula clause the chain bridged into), `slot` first; at most
 *  `limit`. Fingerprints are a
 *  sample, so when the chain is one exact run a holder's text must also contain it. */
export function spanHolders(
  store: MatchSource,
  prof: PageProfile,
  c: Chain,
  slot: number,
  limit: number,
  defining = true,
  /** The page's own saved copies: never holders. */
  exclude: ReadonlySet<number> = NONE,
): number[] {
  const probes = rarest(prof, c.pStart, c.pEnd - GRAM, defining);
  if (probes.length === 0) return [slot]; // (no fingerprint held by another document)
  // Counts per slot in a reused typed array (a Map per call cost more than the decoding).
  if (scratch.length < store.slotCount) scratch = new Uint32Array(Math.max(store.slotCount, 2 * scratch.length));
  const tally = scratch;
  const touched: number[] = [];
  for (const k of probes)
    store.forEachDoc(prof.hashes[prof.fpPos[k]!]!, (s) => {
      if (tally[s] === 0) touched.push(s);
      tally[s]!++;
    });
  const need = Math.max(1, tally[slot] || probes.length);
  if (defining)
    store.noteHolders?.(
      probes.map((k) => prof.hashes[prof.fpPos[k]!]!),
      need,
    );
  // Only slots holding every probe the aligned document holds can be named: kept before sorting
  // (the common probes touch thousands of slots).
  const full: number[] = [];
  for (const s of touched) {
    if (tally[s]! >= need && s !== slot && !exclude.has(s)) full.push(s);
    tally[s] = 0;
  }
  full.sort((a, b) => a - b);
  const run = c.runs.length === 1 ? c.runs[0]! : null;
  const exact = run ? store.normText(slot).slice(run.d, run.d + run.len) : '';
  const out = [slot];
  for (const s of full) {
    if (out.length >= limit) break;
    if (exact && !store.normText(s).includes(exact)) continue;
    out.push(s);
  }
  return out;
}

/** Per-slot probe counts for spanHolders, zero between calls. */
let scratch = new Uint32Array(0);

/** Indexes (into prof.fpPos) of the rarest fingerprints at gram positions [from, to], fewest
 *  documents first, up to PROBES; `defining`: only those no commoner than the MIN_PROBES-th. */
function rarest(prof: PageProfile, from: number, to: number, defining: boolean): number[] {
  let lo = lowerBound(prof.fpPos, from);
  const picked: number[] = [];
  // A fingerprint only the aligned document holds: nobody else holds the whole span, but it
  // says nothing about who holds its defining wording.
  for (; lo < prof.fpPos.length && prof.fpPos[lo]! <= to; lo++) {
    if (prof.fpDocs[lo]! > 1) picked.push(lo);
    else if (!defining) return [];
  }
  sortByDocs(prof, picked);
  if (!defining) return picked.slice(0, PROBES);
  if (picked.length <= MIN_PROBES) return picked;
  const bar = prof.fpDocs[picked[MIN_PROBES - 1]!]!;
  let n = MIN_PROBES;
  while (n < picked.length && n < PROBES && prof.fpDocs[picked[n]!]! <= bar) n++;
  return picked.slice(0, n);
}

/** Sorts fingerprint indexes (ascending) by their document counts, ties in index order, as
 *  one numeric sort of count · M + index (a comparator sort was a hot spot). */
function sortByDocs(prof: PageProfile, picked: number[]): void {
  const M = prof.fpPos.length + 1;
  const keys = new Float64Array(picked.length);
  for (let i = 0; i < picked.length; i++) keys[i] = prof.fpDocs[picked[i]!]! * M + picked[i]!;
  keys.sort();
  for (let i = 0; i < picked.length; i++) picked[i] = keys[i]! % M;
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Families among the holders (near-duplicates count once). */
export function holderFamilies(store: MatchSource, holders: number[]): number {
  return new Set(holders.map((s) => store.familyOf(s))).size;
}
