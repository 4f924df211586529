// Which corpus documents the matcher aligns with a page. Two sources of evidence, neither able to
// out-vote the other: the page-wide vote (rarity-weighted shared fingerprints, best for whole
// copies) and local runs (a dense run of shared non-formula fingerprints anywhere on the page,
// which finds a short paragraph inside a long page, or a second source beside a template).
import type { MatchSource } from '../backend/match-source';
import type { LocalRegion } from './local-runs';
import type { PageProfile } from './page-profile';

/** Documents aligned by vote: the vote is cheap, alignment is not. */
export const VOTE_ALIGN = 8;
/** Further documents aligned for page regions no vote-chosen document covers. */
export const LOCAL_ALIGN = 32;
/** Members of one family of near-duplicates aligned per page. */
export const FAMILY_ALIGN = 2;
/** Characters by which a document's local run must outreach every chosen document's run over
 *  the same page region for it to be aligned as well (it shares a longer stretch there). */
const LOCAL_MARGIN = 4;
/** Fewest outreaching characters for a document to be aligned on local evidence: a few words. */
const OUTREACH_MIN = 8;

export interface Chosen {
  slot: number;
  vote: number;
  /** Chosen on local evidence alone: aligned only through its local runs. */
  local?: boolean;
}

/** Slots to align: the vote's best, then the documents whose dense runs reach further than the
 *  chosen ones' anywhere on the page, the furthest-reaching first (see `byOutreach`). */
export function chooseCandidates(store: MatchSource, prof: PageProfile): Chosen[] {
  const perFamily = new Map<number, number>();
  const familyRoom = (slot: number): boolean => {
    const f = store.familyOf(slot);
    const k = perFamily.get(f) ?? 0;
    if (k >= FAMILY_ALIGN) return false;
    perFamily.set(f, k + 1);
    return true;
  };
  const chosen = byVote(prof, familyRoom);
  // Per page character, the longest run (in characters) of a chosen document over it.
  const covered = new Uint32Array(prof.n.text.length);
  const mark = (slot: number): void => {
    for (const r of prof.local.get(slot) ?? [])
      for (let i = r.start; i < r.end; i++) if (covered[i]! < r.end - r.start) covered[i] = r.end - r.start;
  };
  for (const c of chosen) mark(c.slot);
  const isChosen = new Set(chosen.map((c) => c.slot));
  const pool = [...prof.local].filter(([slot]) => !isChosen.has(slot));
  for (const [slot] of byOutreach(pool, covered, LOCAL_ALIGN, familyRoom)) {
    chosen.push({ slot, vote: prof.votes.get(slot), local: true });
    mark(slot);
  }
  return chosen;
}

/** Up to `cap` local candidates, greedily: each time the one whose runs outreach the chosen
 *  documents' runs over the most page characters (see `outreach`), so the documents holding
 *  stretches nobody chosen holds come first, not those with the most runs over text already
 *  covered (ranking by hits let a document sharing formula all over the page take the place of
 *  the one holding a copied sentence). Outreach only falls as documents are chosen, so a
 *  candidate's stale figure bounds its current one (lazy greedy: few recomputations). The caller
 *  marks each returned document's runs into `covered` before the next is picked. */
function* byOutreach(
  pool: [number, LocalRegion[]][],
  covered: Uint32Array,
  cap: number,
  familyRoom: (slot: number) => boolean,
): Generator<[number, LocalRegion[]]> {
  type Entry = { e: [number, LocalRegion[]]; gain: number };
  // The queue's order: most outreach first, ties by slot.
  const ahead = (a: Entry, b: Entry) => a.gain > b.gain || (a.gain === b.gain && a.e[0] < b.e[0]);
  let queue: Entry[] = pool.map((e) => ({ e, gain: outreach(e[1], covered) })).filter((q) => q.gain >= OUTREACH_MIN);
  queue.sort((a, b) => b.gain - a.gain || a.e[0] - b.e[0]);
  let added = 0;
  while (added < cap && queue.length) {
    const top = queue.shift()!;
    top.gain = outreach(top.e[1], covered);
    if (top.gain < OUTREACH_MIN) continue;
    const next = queue[0];
    if (next && ahead(next, top)) {
      // Stale: put it back in order and look again.
      let at = 0;
      while (at < queue.length && ahead(queue[at]!, top)) at++;
      queue.splice(at, 0, top);
      continue;
    }
    if (!familyRoom(top.e[0])) continue;
    added++;
    yield top.e;
    queue = queue.filter((q) => q.gain >= OUTREACH_MIN);
  }
}

function byVote(prof: PageProfile, familyRoom: (slot: number) => boolean): Chosen[] {
  // Skip documents whose vote is a sliver of the leader's (local runs bring back the ones that
  // hold a passage).
  const { slots } = prof.votes;
  const vote = (slot: number) => prof.votes.get(slot);
  let max = 0;
  for (const slot of slots) if (vote(slot) > max) max = vote(slot);
  const floor = max * 0.02;
  // Best first, ties in vote order. Only the few documents above the floor are sorted (the
  // vote touches thousands at 10,000 speeches); the rest only while fewer than three are chosen.
  const desc = (a: number, b: number) => vote(b) - vote(a);
  const out: Chosen[] = [];
  for (const below of [false, true]) {
    const part = slots.filter((slot) => vote(slot) < floor === below);
    for (const slot of part.sort(desc)) {
      const v = vote(slot);
      if (out.length >= VOTE_ALIGN || (out.length >= 3 && v < floor)) return out;
      if (familyRoom(slot)) out.push({ slot, vote: v });
    }
    if (out.length >= 3) return out;
  }
  return out;
}

/** Page characters where a run of the document is longer, by LOCAL_MARGIN, than every chosen
 *  document's run over that character: the stretch it shares there reaches further. */
function outreach(regions: LocalRegion[], covered: Uint32Array): number {
  let n = 0;
  for (const r of regions) {
    const len = r.end - r.start;
    for (let i = r.start; i < r.end; i++) if (len >= covered[i]! + LOCAL_MARGIN) n++;
  }
  return n;
}

/** Page gram positions of the fingerprints inside the document's local runs. */
export function localAnchors(prof: PageProfile, slot: number): number[] {
  const out: number[] = [];
  const pos = prof.fpPos;
  for (const r of prof.local.get(slot) ?? []) {
    // fpPos ascends: start at the region's first fingerprint instead of scanning them all.
    let lo = 0;
    let hi = pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid]! < r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < pos.length && pos[k]! < r.end; k++) out.push(pos[k]!);
  }
  return out;
}
