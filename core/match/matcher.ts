// match(): vote for candidate documents, align the page with each, keep passages that are long,
// dense and backed by specific (rare) shared wording rather than formula or template phrasing,
// give each page region to the best passage (greedy), then diff each passage by words.
// Candidates are ranked by how much of the page their passages cover.
import type { MatchSource } from '../backend/match-source';
import type { Candidate, MatchOptions, MatchResult, Passage } from '../model/types';
import { normalize, toOriginal } from '../text/normalize';
import { wordDiff } from '../diff/word-diff';
import { chainRuns, clipChain, type Chain } from './chain';
import { profilePage, type PageProfile } from './page-profile';
import { PageGrams, findRuns, type Run } from './runs';
import { resolveSettings, type MatchSettings } from './settings';

/** Documents aligned in detail per page: the vote is cheap, alignment is not. */
const ALIGN_DOCS = 8;
/** Members of one family of near-duplicates aligned per page. */
const FAMILY_ALIGN = 2;
/** Largest gap bridged inside a passage (normalised chars): a dropped clause or a long name. */
const MAX_GAP = 60;
/** Least evidence per page character of a passage (see keep). */
const MIN_EVIDENCE_RATIO = 0.35;

interface Found extends Chain {
  slot: number;
}

function splitIgnored(runs: Run[], ignored: Uint8Array): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    let s = r.p;
    for (let i = r.p; i <= r.p + r.len; i++) {
      if (i === r.p + r.len || ignored[i]) {
        if (i - s >= 1) out.push({ p: s, d: r.d + (s - r.p), len: i - s });
        s = i + 1;
      }
    }
  }
  return out;
}

/** Ignored phrases are never part of a passage, even when a chain bridges over them. */
function splitAtIgnored(c: Chain, ignored: Uint8Array): Chain[] {
  const out: Chain[] = [];
  let i = c.pStart;
  while (i < c.pEnd) {
    while (i < c.pEnd && ignored[i]) i++;
    const a = i;
    while (i < c.pEnd && !ignored[i]) i++;
    if (i > a) {
      const part = clipChain(c, a, i);
      if (part) out.push(part);
    }
  }
  return out;
}

const PUNCT = /[\p{P}\p{S}]/u;

/** A passage starts at a clause, not on the full stop or comma that ended the text before it
 *  (the two texts share that mark, so the alignment takes it in). */
function trimLeadingPunctuation(c: Chain, P: string): Chain | null {
  let a = c.pStart;
  while (a < c.pEnd && PUNCT.test(P[a]!)) a++;
  return a === c.pStart ? c : clipChain(c, a, c.pEnd);
}

function keep(c: Chain, prof: PageProfile, s: MatchSettings): boolean {
  const span = c.pEnd - c.pStart;
  if (span < s.minPassageLength || c.dEnd - c.dStart < s.minPassageLength * 0.5) return false;
  if (c.matched < 0.5 * span) return false;
  // Evidence: matched characters weighted by how specific their fingerprints are (1/df), so
  // phrasing shared by many documents (formula, templates) counts little, and characters of
  // short runs with no fingerprint of their own count nothing.
  let evidence = 0;
  let covered = c.pStart;
  for (const r of c.runs) {
    for (let i = Math.max(covered, r.p); i < r.p + r.len; i++) {
      const df = prof.rarity[i]!;
      if (df > 0 && !prof.formula[i]) evidence += 1 / df;
    }
    covered = Math.max(covered, r.p + r.len);
  }
  return evidence >= s.minPassageLength * 0.6 && evidence >= MIN_EVIDENCE_RATIO * span;
}

function coverage(chains: Chain[], len: number): number {
  if (len === 0) return 0;
  const sorted = [...chains].sort((a, b) => a.pStart - b.pStart);
  let total = 0;
  let end = 0;
  for (const c of sorted) {
    const s = Math.max(c.pStart, end);
    if (c.pEnd > s) total += c.pEnd - s;
    end = Math.max(end, c.pEnd);
  }
  return total / len;
}

export function matchPage(store: MatchSource, text: string, options?: MatchOptions): MatchResult {
  const s = resolveSettings(store.live, options);
  return matchProfiled(store, text, profilePage(store, normalize(text), s), s);
}

/** match() on a page already normalised and profiled (with votes), so a caller wanting both the
 *  match and the boilerplate pays for one profile. */
export function matchProfiled(store: MatchSource, text: string, prof: PageProfile, s: MatchSettings): MatchResult {
  const n = prof.n;
  const P = n.text;
  const sortedVotes = [...prof.votes].sort((a, b) => b[1] - a[1]);
  // Aligning is the costly step: skip documents whose vote is a sliver of the leader's (a short
  // reused passage still gets a few percent of a full copy's vote).
  const floor = (sortedVotes[0]?.[1] ?? 0) * 0.02;
  // Near-duplicates of one speech align alike: two members of a family are enough, and the
  // remaining alignments go to other sources.
  const perFamily = new Map<number, number>();
  const ranked: [number, number][] = [];
  for (const sv of sortedVotes) {
    if (ranked.length >= ALIGN_DOCS || (ranked.length >= 3 && sv[1] < floor)) break;
    const f = store.familyOf(sv[0]);
    const k = perFamily.get(f) ?? 0;
    if (k >= FAMILY_ALIGN) continue;
    perFamily.set(f, k + 1);
    ranked.push(sv);
  }
  const grams = new PageGrams(P, prof.blockedGrams, prof.hashes);

  const rawCoverage = new Map<number, number>();
  const found: Found[] = [];
  for (const [slot] of ranked) {
    let runs = findRuns(grams, store.normText(slot));
    if (s.ignorePhrases.length) runs = splitIgnored(runs, prof.ignored);
    let chains = chainRuns(runs, { maxGap: MAX_GAP });
    if (s.ignorePhrases.length) chains = chains.flatMap((c) => splitAtIgnored(c, prof.ignored));
    chains = chains.flatMap((c) => trimLeadingPunctuation(c, P) ?? []).filter((c) => keep(c, prof, s));
    if (!chains.length) continue;
    rawCoverage.set(slot, coverage(chains, P.length));
    for (const c of chains) found.push({ ...c, slot });
  }

  // Greedy: longest matched first; between equals, the document covering more of the page.
  const key = (f: Found): number => f.matched * (1 + 0.25 * (rawCoverage.get(f.slot) ?? 0));
  found.sort((a, b) => key(b) - key(a));
  const taken = new Uint8Array(P.length);
  const accepted: Found[] = [];
  for (const f of found) {
    let free = true;
    for (let i = f.pStart; i < f.pEnd; i++)
      if (taken[i]) {
        free = false;
        break;
      }
    const parts: Chain[] = [];
    if (free) parts.push(f);
    else {
      let i = f.pStart;
      while (i < f.pEnd) {
        while (i < f.pEnd && taken[i]) i++;
        const a = i;
        while (i < f.pEnd && !taken[i]) i++;
        if (i - a >= s.minPassageLength) {
          const c = clipChain(f, a, i);
          if (c && keep(c, prof, s)) parts.push(c);
        }
      }
    }
    for (const c of parts) {
      taken.fill(1, c.pStart, c.pEnd);
      accepted.push({ ...c, slot: f.slot });
    }
  }

  const assigned = new Map<number, number>();
  const passages: Passage[] = accepted
    .sort((a, b) => a.pStart - b.pStart)
    .map((c) => {
      assigned.set(c.slot, (assigned.get(c.slot) ?? 0) + (c.pEnd - c.pStart));
      const dn = store.norm(c.slot);
      const page = toOriginal(n, c.pStart, c.pEnd);
      const doc = toOriginal(dn, c.dStart, c.dEnd);
      const d = wordDiff({ n: dn, start: c.dStart, end: c.dEnd }, { n, start: c.pStart, end: c.pEnd });
      return {
        start: page.start,
        end: page.end,
        docId: store.doc(c.slot).id,
        docStart: doc.start,
        docEnd: doc.end,
        similarity: d.similarity,
        diff: d.ops,
      };
    });

  const candidates: Candidate[] = [];
  const L = Math.max(1, P.length);
  const maxVote = ranked[0]?.[1] ?? 1;
  for (const [slot, vote] of ranked) {
    const raw = rawCoverage.get(slot) ?? 0;
    const own = (assigned.get(slot) ?? 0) / L;
    // Documents without any passage still rank, far below any aligned one.
    const score = raw > 0 ? (raw + own) / 2 : 0.001 * (vote / maxVote);
    const d = store.doc(slot);
    candidates.push({ id: d.id, title: d.title, score: Math.min(1, score) });
  }
  candidates.sort((a, b) => b.score - a.score);

  return { candidates: candidates.slice(0, s.top), passages, reuseRatio: reuseRatio(text, passages) };
}

/** The characters of JavaScript's /\s/ (a regex test per character was a visible share of match()). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function reuseRatio(text: string, passages: Passage[]): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) total++;
  if (total === 0) return 0;
  let inside = 0;
  let end = 0;
  for (const p of passages) {
    for (let i = Math.max(p.start, end); i < p.end; i++) if (!isSpace(text.charCodeAt(i))) inside++;
    end = Math.max(end, p.end);
  }
  return inside / total;
}
