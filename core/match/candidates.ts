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
export const LOCAL_ALIGN = 16;
/** Members of one family of near-duplicates aligned per page. */
export const FAMILY_ALIGN = 2;
/** Characters by which a document's local run must outreach every chosen document's run over
 *  the same page region for it to be aligned as well (it shares a longer stretch there). */
const LOCAL_MARGIN = 4;

export interface Chosen {
  slot: number;
  vote: number;
  /** Chosen on local evidence alone: aligned only through its local runs. */
  local?: boolean;
}

/** Slots to align: the vote's best, then for every page region with a dense run the documents
 *  that cover it, most hits first, until every such region is covered. */
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
  let added = 0;
  for (const [slot, regions] of byLocalHits(prof.local)) {
    if (added >= LOCAL_ALIGN) break;
    if (isChosen.has(slot) || !beats(regions, covered) || !familyRoom(slot)) continue;
    chosen.push({ slot, vote: prof.votes.get(slot) ?? 0, local: true });
    isChosen.add(slot);
    mark(slot);
    added++;
  }
  return chosen;
}

function byVote(prof: PageProfile, familyRoom: (slot: number) => boolean): Chosen[] {
  // Skip documents whose vote is a sliver of the leader's (local runs bring back the ones that
  // hold a passage).
  let max = 0;
  for (const v of prof.votes.values()) if (v > max) max = v;
  const floor = max * 0.02;
  // Best first, ties in vote order. Only the few documents above the floor are sorted (the
  // vote touches thousands at 10,000 speeches); the rest only while fewer than three are chosen.
  const all = [...prof.votes];
  const desc = (a: [number, number], b: [number, number]) => b[1] - a[1];
  const out: Chosen[] = [];
  for (const part of [all.filter((e) => e[1] >= floor), all.filter((e) => e[1] < floor)]) {
    for (const [slot, vote] of part.sort(desc)) {
      if (out.length >= VOTE_ALIGN || (out.length >= 3 && vote < floor)) return out;
      if (familyRoom(slot)) out.push({ slot, vote });
    }
    if (out.length >= 3) return out;
  }
  return out;
}

function byLocalHits(local: Map<number, LocalRegion[]>): [number, LocalRegion[]][] {
  const hits = (rs: LocalRegion[]): number => rs.reduce((a, r) => a + r.hits, 0);
  return [...local].sort((a, b) => hits(b[1]) - hits(a[1]) || a[0] - b[0]);
}

/** Whether some run of the document is longer than every chosen document's run over its region. */
function beats(regions: LocalRegion[], covered: Uint32Array): boolean {
  for (const r of regions) {
    let best = 0;
    for (let i = r.start; i < r.end; i++) if (covered[i]! > best) best = covered[i]!;
    if (r.end - r.start >= best + LOCAL_MARGIN) return true;
  }
  return false;
}

/** Page gram positions of the fingerprints inside the document's local runs. */
export function localAnchors(prof: PageProfile, slot: number): number[] {
  const out: number[] = [];
  for (const r of prof.local.get(slot) ?? [])
    for (let k = 0; k < prof.fpPos.length; k++) {
      const p = prof.fpPos[k]!;
      if (p >= r.start && p < r.end) out.push(p);
    }
  return out;
}
