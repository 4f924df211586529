// Chains exact runs into passages along the diagonal, Smith–Waterman style: a run continues a
// chain across a gap when both sides advance (substituted names/numbers, inserted or dropped
// words and clauses, placeholders), paying for the gap and more for a shift of diagonal. A chain
// restarts wherever continuing would score less than starting afresh, so stray shared phrases
// near a passage do not stretch it over novel text.
import type { Run } from './runs';

export interface Chain {
  runs: Run[];
  /** Page span [pStart, pEnd) and doc span [dStart, dEnd), normalised offsets. */
  pStart: number;
  pEnd: number;
  dStart: number;
  dEnd: number;
  /** Page characters covered by the runs. */
  matched: number;
}

export interface ChainOptions {
  /** Largest gap (normalised chars) bridged on either side. */
  maxGap: number;
}

const LOOKBACK = 400;

export function chainRuns(runs: Run[], opts: ChainOptions): Chain[] {
  const n = runs.length;
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  for (let x = 0; x < n; x++) {
    const r = runs[x]!;
    let best = r.len;
    let bestPrev = -1;
    for (let y = x - 1; y >= 0 && y >= x - LOOKBACK; y--) {
      const q = runs[y]!;
      if (r.p - q.p > opts.maxGap + 4000) break;
      const gi = r.p - (q.p + q.len);
      const gj = r.d - (q.d + q.len);
      if (gi > opts.maxGap || gj > opts.maxGap) continue;
      if (r.p <= q.p || r.d <= q.d) continue;
      const overlap = Math.max(0, -gi, -gj);
      if (overlap >= r.len) continue;
      const gain = r.len - overlap;
      const gap = Math.min(Math.max(gi, 0), Math.max(gj, 0));
      const shift = Math.abs(Math.max(gi, 0) - Math.max(gj, 0));
      const penalty = 1 + 0.25 * gap + 0.5 * shift;
      const s = score[y]! + gain - penalty;
      if (s > best) {
        best = s;
        bestPrev = y;
      }
    }
    score[x] = best;
    prev[x] = bestPrev;
  }
  // Take chains from the best end down; a chain stops at a run already taken.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  const used = new Uint8Array(n);
  const chains: Chain[] = [];
  for (const end of order) {
    if (used[end]) continue;
    const members: Run[] = [];
    for (let x = end; x >= 0 && !used[x]; x = prev[x]!) {
      used[x] = 1;
      members.push(runs[x]!);
    }
    members.reverse();
    chains.push(toChain(members));
  }
  return chains;
}

export function toChain(members: Run[]): Chain {
  const first = members[0]!;
  let pEnd = 0;
  let dEnd = 0;
  let matched = 0;
  let covered = first.p;
  for (const r of members) {
    pEnd = Math.max(pEnd, r.p + r.len);
    dEnd = Math.max(dEnd, r.d + r.len);
    const from = Math.max(covered, r.p);
    if (r.p + r.len > from) matched += r.p + r.len - from;
    covered = Math.max(covered, r.p + r.len);
  }
  return { runs: members, pStart: first.p, pEnd, dStart: first.d, dEnd, matched };
}

/** The part of a chain inside page range [from, to), or null if nothing is left. */
export function clipChain(c: Chain, from: number, to: number): Chain | null {
  const kept: Run[] = [];
  for (const r of c.runs) {
    const s = Math.max(r.p, from);
    const e = Math.min(r.p + r.len, to);
    if (e - s <= 0) continue;
    kept.push({ p: s, d: r.d + (s - r.p), len: e - s });
  }
  return kept.length ? toChain(kept) : null;
}
