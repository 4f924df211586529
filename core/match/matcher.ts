// match(): vote for candidate documents, align the page with each, keep passages that are long,
// dense and backed by specific (rare) shared wording rather than formula or template phrasing,
// give each page region to the best passage (greedy), then diff each passage by words.
// Candidates are ranked by how much of the page their passages cover.
import type { MatchSource } from '../backend/match-source';
import type { Candidate, MatchResult, Passage } from '../model/types';
import { toOriginal, type NormalizedText } from '../text/normalize';
import { isWhitespace } from '../text/whitespace';
import { wordDiff } from '../diff/word-diff';
import { chooseCandidates, localAnchors, type Chosen } from './candidates';
import { chainRuns, clipChain, type Chain } from './chain';
import { spanHolders } from './holders';
import type { PageProfile } from './page-profile';
import { PageGrams, findRuns, findRunsAt, type Run } from './runs';
import type { MatchSettings } from './settings';
import { Keeper } from './keep';

/** Most holders named per passage. */
const MAX_HOLDERS = 64;
/** Largest gap bridged inside a passage (normalised chars): a dropped clause or a long name. */
const MAX_GAP = 60;
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

/** match() on a page already normalised and profiled (with votes), so a caller wanting both the
 *  match and the boilerplate pays for one profile. */
export function matchProfiled(store: MatchSource, text: string, prof: PageProfile, s: MatchSettings): MatchResult {
  const chosen = chooseCandidates(store, prof);
  const keeper = new Keeper(store, prof, s);
  const { found, rawCoverage } = alignAll(store, prof, s, chosen, keeper);
  const accepted = assignRegions(found, rawCoverage, prof, s, keeper);
  const passages = toPassages(store, prof, accepted, s.exclude);
  const candidates = rankCandidates(store, chosen, rawCoverage, passages, prof.n.text.length);
  return { candidates: candidates.slice(0, s.top), passages, reuseRatio: reuseRatio(text, passages) };
}

/** Aligns the page with each chosen document and keeps the chains that pass as passages. */
function alignAll(
  store: MatchSource,
  prof: PageProfile,
  s: MatchSettings,
  chosen: Chosen[],
  keeper: Keeper,
): { found: Found[]; rawCoverage: Map<number, number> } {
  const P = prof.n.text;
  const grams = new PageGrams(P, prof.blockedGrams, prof.hashes);
  const rawCoverage = new Map<number, number>();
  const found: Found[] = [];
  for (const { slot, local } of chosen) {
    const doc = store.normText(slot);
    let runs = local ? findRunsAt(grams, doc, localAnchors(prof, slot)) : findRuns(grams, doc);
    if (s.ignorePhrases.length) runs = splitIgnored(runs, prof.ignored);
    let chains = chainRuns(runs, { maxGap: MAX_GAP });
    if (s.ignorePhrases.length) chains = chains.flatMap((c) => splitAtIgnored(c, prof.ignored));
    chains = chains.flatMap((c) => keeper.accept(c, slot)).flatMap((c) => trimLeadingPunctuation(c, P) ?? []);
    if (!chains.length) continue;
    rawCoverage.set(slot, coverage(chains, P.length));
    for (const c of chains) found.push({ ...c, slot });
  }
  return { found, rawCoverage };
}

/** Gives each page region to one passage, greedily: longest matched first; between equals, the
 *  document covering more of the page. A passage overlapping taken text keeps its free parts
 *  when they still pass as passages. A region some document holds verbatim (one exact run of at
 *  least a passage's length) goes to it before a longer passage that holds the region only with
 *  edits or across a bridged gap: the page copied that wording from the verbatim holder, or
 *  from a source both share; the second pass gives whatever is still free to the rest. */
function assignRegions(
  found: Found[],
  rawCoverage: Map<number, number>,
  prof: PageProfile,
  s: MatchSettings,
  keeper: Keeper,
): Found[] {
  const key = (f: Found): number => f.matched * (1 + 0.25 * (rawCoverage.get(f.slot) ?? 0));
  found.sort((a, b) => key(b) - key(a));
  const len = prof.n.text.length;
  const verbatim = verbatimLength(found, len, s.minPassageLength);
  const taken = new Uint8Array(len);
  const accepted: Found[] = [];
  for (const pass of [0, 1])
    for (const f of found) {
      const blocked = pass === 0 ? blockedFor(f, verbatim, taken, s.minPassageLength) : taken;
      for (const c of freeParts(f, blocked, s, keeper)) {
        taken.fill(1, c.pStart, c.pEnd);
        accepted.push({ ...c, slot: f.slot });
      }
    }
  return accepted.sort((a, b) => a.pStart - b.pStart);
}

/** Per page character, the longest exact run over it among the found chains (0 under `min`). */
function verbatimLength(found: Found[], len: number, min: number): Uint32Array {
  const out = new Uint32Array(len);
  for (const f of found)
    for (const r of f.runs)
      if (r.len >= min) for (let i = r.p; i < r.p + r.len; i++) if (out[i]! < r.len) out[i] = r.len;
  return out;
}

/** Taken characters, plus those of the chain's span another chain holds verbatim where this one
 *  has no run of a passage's length. Returns `taken` itself when nothing is blocked. */
function blockedFor(f: Found, verbatim: Uint32Array, taken: Uint8Array, min: number): Uint8Array {
  const own = new Uint32Array(f.pEnd - f.pStart);
  for (const r of f.runs)
    for (let i = Math.max(r.p, f.pStart); i < Math.min(r.p + r.len, f.pEnd); i++)
      if (own[i - f.pStart]! < r.len) own[i - f.pStart] = r.len;
  let out: Uint8Array | null = null;
  for (let i = f.pStart; i < f.pEnd; i++)
    if (verbatim[i]! >= min && own[i - f.pStart]! < verbatim[i]!) (out ??= taken.slice())[i] = 1;
  return out ?? taken;
}

/** The parts of a kept chain left free by passages placed before it: each free part that still
 *  passes as a passage, else the stretch of it inside one of the chain's exact runs of a
 *  passage's length (the page holds that run word for word from this document; another passage
 *  took the rest of it, and the part left over is copied text all the same, so it stays marked). */
function freeParts(f: Found, taken: Uint8Array, s: MatchSettings, keeper: Keeper): Chain[] {
  let free = true;
  for (let i = f.pStart; i < f.pEnd && free; i++) if (taken[i]) free = false;
  if (free) return [f];
  const parts: Chain[] = [];
  let i = f.pStart;
  while (i < f.pEnd) {
    while (i < f.pEnd && taken[i]) i++;
    const a = i;
    while (i < f.pEnd && !taken[i]) i++;
    const c = i - a >= s.minPassageLength ? clipChain(f, a, i) : null;
    const kept = c ? keeper.accept(c, f.slot) : [];
    parts.push(...(kept.length ? kept : verbatimRemnants(f, a, i, s.minPassageLength)));
  }
  return parts;
}

/** Fewest characters of a verbatim remnant: two words (a lone 坚持 beside another passage is noise). */
const REMNANT_MIN = 4;

/** The stretches of page range [a, b) inside the chain's exact runs of at least `min`. */
function verbatimRemnants(f: Chain, a: number, b: number, min: number): Chain[] {
  const out: Chain[] = [];
  for (const r of f.runs) {
    if (r.len < min) continue;
    const lo = Math.max(a, r.p);
    const hi = Math.min(b, r.p + r.len);
    if (hi - lo < REMNANT_MIN) continue;
    const c = clipChain(f, lo, hi);
    if (c) out.push(c);
  }
  return out;
}

/** Accepted chains as passages: original offsets on both sides, the word diff, every holder. */
function toPassages(store: MatchSource, prof: PageProfile, accepted: Found[], exclude: ReadonlySet<number>): Passage[] {
  const n = prof.n;
  // A document's normalised text and position map, built once for all its passages.
  const norms = new Map<number, NormalizedText>();
  return accepted.map((c) => {
    let dn = norms.get(c.slot);
    if (!dn) norms.set(c.slot, (dn = store.norm(c.slot)));
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
      ...(d.scriptOps ? { scriptDiff: d.scriptOps } : {}),
      holders: spanHolders(store, prof, c, c.slot, MAX_HOLDERS, true, exclude).map((s) => store.doc(s).id),
    };
  });
}

/** Candidates best first: by how much of the page their passages cover (raw, and as assigned);
 *  documents without any passage still rank, far below any aligned one. */
function rankCandidates(
  store: MatchSource,
  chosen: Chosen[],
  rawCoverage: Map<number, number>,
  passages: Passage[],
  len: number,
): Candidate[] {
  const assigned = new Map<string, number>();
  for (const p of passages) assigned.set(p.docId, (assigned.get(p.docId) ?? 0) + (p.end - p.start));
  const L = Math.max(1, len);
  const maxVote = Math.max(1e-9, ...chosen.map((c) => c.vote));
  const candidates: Candidate[] = chosen.map(({ slot, vote }) => {
    const doc = store.doc(slot);
    const raw = rawCoverage.get(slot) ?? 0;
    const own = (assigned.get(doc.id) ?? 0) / L;
    const score = raw > 0 ? (raw + own) / 2 : 0.001 * (vote / maxVote);
    return { id: doc.id, title: doc.title, score: Math.min(1, score) };
  });
  return candidates.sort((a, b) => b.score - a.score);
}

function reuseRatio(text: string, passages: Passage[]): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) total++;
  if (total === 0) return 0;
  let inside = 0;
  let end = 0;
  for (const p of passages) {
    for (let i = Math.max(p.start, end); i < p.end; i++) if (!isWhitespace(text.charCodeAt(i))) inside++;
    end = Math.max(end, p.end);
  }
  return inside / total;
}
