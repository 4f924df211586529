// Whether an aligned chain is a passage: long enough, mostly matched, and evidence of copying
// rather than formula. Evidence is either specific wording (characters whose fingerprints few
// families share) or the whole passage being held by fewer families than the formula rule: a
// sentence assembled from formula pieces but held whole by three provinces is copying among them.
import type { MatchSource } from '../backend/match-source';
import { toChain, type Chain } from './chain';
import { holderFamilies, spanHolders } from './holders';
import type { PageProfile } from './page-profile';
import { evidenceWeight, type MatchSettings } from './settings';

/** Least evidence per page character of a passage. */
const MIN_EVIDENCE_RATIO = 0.35;
/** Matched share of a passage for it to be judged by its holders as a whole (near-verbatim). */
const WHOLE_MATCHED = 0.85;

export class Keeper {
  /** Holder counts by page span, shared by every document aligned with this page. */
  private holders = new Map<string, number>();

  constructor(
    private store: MatchSource,
    private prof: PageProfile,
    private s: MatchSettings,
  ) {}

  /** The chain as passages: itself when it passes; otherwise its exact runs long enough to be a
   *  passage and held whole by few families (a copied sentence inside a chain that drifts into
   *  the page's own text, or that formula wording stretched). */
  accept(c: Chain, slot: number): Chain[] {
    if (this.keep(c, slot)) return [c];
    const out: Chain[] = [];
    if (c.runs.length < 2) return out;
    for (const r of c.runs) {
      if (r.len < this.s.minPassageLength) continue;
      const sub = toChain([r]);
      if (this.heldWhole(sub, slot) < this.s.boilerplateMinDocs) out.push(sub);
    }
    return out;
  }

  keep(c: Chain, slot: number): boolean {
    const s = this.s;
    const span = c.pEnd - c.pStart;
    if (span < s.minPassageLength || c.dEnd - c.dStart < s.minPassageLength * 0.5) return false;
    if (c.matched < 0.5 * span) return false;
    const evidence = this.evidence(c);
    if (evidence >= s.minPassageLength * 0.6 && evidence >= MIN_EVIDENCE_RATIO * span) return true;
    return c.matched >= WHOLE_MATCHED * span && this.heldWhole(c, slot) < s.boilerplateMinDocs;
  }

  /** Matched characters weighted by how specific their fingerprints are (see evidenceWeight), so
   *  phrasing shared by many documents counts little, and characters of short runs with no
   *  fingerprint of their own count nothing. */
  private evidence(c: Chain): number {
    const prof = this.prof;
    let evidence = 0;
    let covered = c.pStart;
    for (const r of c.runs) {
      for (let i = Math.max(covered, r.p); i < r.p + r.len; i++) {
        const df = prof.rarity[i]!;
        if (df > 0 && !prof.formula[i]) evidence += evidenceWeight(df);
      }
      covered = Math.max(covered, r.p + r.len);
    }
    return evidence;
  }

  /** Families holding the chain's span as a whole (counting stops at the formula number). */
  private heldWhole(c: Chain, slot: number): number {
    const key = `${c.pStart}:${c.pEnd}:${slot}:${c.runs.length}`;
    let k = this.holders.get(key);
    if (k === undefined) {
      // Near-duplicates count once, so a few more documents than the formula number are read.
      const limit = 2 * this.s.boilerplateMinDocs;
      k = holderFamilies(this.store, spanHolders(this.store, this.prof, c, slot, limit, false, this.s.exclude));
      this.holders.set(key, k);
    }
    return k;
  }
}
