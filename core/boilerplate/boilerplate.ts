// Formulaic phrases (提法) of a page, as whole phrases. The fingerprints used by at least the
// formula number of families mark where formula wording is (plus user formula phrases); inside each
// marked stretch the phrase is grown word by word (phrase-rules.ts: whole words, never a cut name,
// never a particle at an edge, never across a clause break) for as long as the corpus holds the
// whole phrase in at least that many families. Its count is the number of documents holding it
// exactly: the same number lookup gives for it. Ignored phrases are never reported.
import { GRAM, WINDOW } from '../index/grams';
import type { PageProfile } from '../match/page-profile';
import type { BoilerplateSpan } from '../model/types';
import { normalize, toOriginal } from '../text/normalize';
import { clauseAround, phraseUnits, type Unit } from './phrase-rules';

/** Winnowed fingerprints can leave up to WINDOW - GRAM characters between two formula grams. */
const MERGE_GAP = Math.max(0, WINDOW - GRAM) + 1;
/** Shorter spans (Han characters) are words, not phrases. */
export const MIN_PHRASE = 4;
/** A phrase is listed as a 提法 when families × Han characters reaches this many times the formula
 *  number: a phrase held by just the formula number of families must be a long sentence (40
 *  characters) to count, a four-character one must be held by ten times as many. Shorter, rarer
 *  formula wording (a report's 一般公共预算收入, 生物医药) is the topic's vocabulary: it stays formula
 *  for matching (it is never evidence of copying), but a list of it is more than anyone reads (the
 *  31 provincial reports had ~280 such spans each). */
export const LIST_WEIGHT = 45;
/** Phrases shorter than this (Han characters) are not looked up while growing: too common to tell. */
const MIN_LOOKUP = 4;

/** Documents and families holding a phrase exactly (lookup's count). */
export interface PhraseCount {
  docs: number;
  families: number;
}

/** How the embedded corpus is asked about whole phrases. */
export interface PhraseOracle {
  /** The phrase's count; with `need`, counting may stop once `need` families hold it (the
   *  families given are then at least `need`, the documents a lower bound). */
  count(phrase: string, need?: number): PhraseCount;
  /** The formula number: families a phrase needs to be formula. */
  minFamilies: number;
  /** The user's formula phrases. */
  formulaPhrases: readonly string[];
}

interface Region {
  start: number;
  end: number;
  df: number;
}

/** Stretches of formula characters (original offsets), with the rarest fingerprint's count. */
function formulaRegions(text: string, prof: PageProfile): Region[] {
  const n = prof.n;
  const P = n.text;
  const out: Region[] = [];
  let i = 0;
  while (i < P.length) {
    if (!prof.formula[i] || prof.ignored[i]) {
      i++;
      continue;
    }
    const a = i;
    let end = i;
    let df = 0;
    for (let j = i; j < P.length; j++) {
      if (prof.formula[j] && !prof.ignored[j]) {
        end = j + 1;
        const f = prof.formulaDf[j]!;
        if (f > 0 && (df === 0 || f < df)) df = f;
      } else if (j - end >= MERGE_GAP || prof.ignored[j]) break;
    }
    i = end;
    if (end - a < MIN_PHRASE) continue;
    const o = toOriginal(n, a, end);
    out.push({ start: o.start, end: o.end, df });
  }
  return out;
}

const HAN = /\p{Script=Han}/gu;
const hanLength = (s: string) => s.match(HAN)?.length ?? 0;

const OPEN = '“‘「『（(《〈';
const CLOSE = '”’」』）)》〉';

/** A phrase may end on a word, or on a closing quote whose opening quote it holds. */
function endable(text: string, units: Unit[], i: number, j: number): boolean {
  const u = units[j - 1]!;
  if (u.kind === 'word') return true;
  if (u.kind !== 'punct') return false;
  const c = text[u.start]!;
  const k = CLOSE.indexOf(c);
  return k >= 0 && text.slice(units[i]!.start, u.start).includes(OPEN[k]!);
}

/** A quote or bracket inside the phrase must be closed in it (no "共建“一带"). */
function balanced(s: string): boolean {
  for (let k = 0; k < OPEN.length; k++) if (s.split(OPEN[k]!).length !== s.split(CLOSE[k]!).length) return false;
  return true;
}

type Span = { start: number; end: number };
/** A question for the corpus: the phrase's count, or (need) only whether that many families hold it.
 *  `next` lists the other phrases the same search may ask next with the same `need` (a remote
 *  backend asks for them in the same round trip; the embedded index ignores it). */
type Ask = { phrase: string; need?: number; next?: () => string[] };
/** A search that asks for the holders of phrases (yields a question, is sent the count): the same
 *  search runs against the embedded index (synchronously) and a remote backend (awaiting each). */
type Search<T> = Generator<Ask, T, PhraseCount>;

/** Maximal phrases among the units of one clause, left to right. */
function* phrasesIn(text: string, units: Unit[], rule: Rule): Search<Span[]> {
  const out: Span[] = [];
  const phrase = (i: number, j: number) => text.slice(units[i]!.start, units[j - 1]!.end);
  const asked = (s: string) => hanLength(s) >= MIN_LOOKUP && !rule.marksOnly && !rule.user(s);
  // Growing the phrase from unit i asks only about phrases starting there.
  const from = (i: number) => () => {
    const out: string[] = [];
    for (let k = i + 1; k <= units.length; k++) if (asked(phrase(i, k))) out.push(phrase(i, k));
    return out;
  };
  function* held(i: number, j: number): Search<boolean> {
    const s = phrase(i, j);
    if (!asked(s)) return true;
    return (yield { phrase: s, need: rule.minFamilies, next: from(i) }).families >= rule.minFamilies;
  }
  let i = 0;
  while (i < units.length) {
    if (units[i]!.kind !== 'word') {
      i++;
      continue;
    }
    // Holding is monotone (a longer phrase has no more holders): search the longest held end,
    // after trying the whole stretch (most often held as it stands).
    let lo = i + 1;
    let hi = units.length;
    if (yield* held(i, hi)) lo = hi;
    else if (!(yield* held(i, lo))) {
      i++;
      continue;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (yield* held(i, mid)) lo = mid;
      else hi = mid - 1;
    }
    let j = lo;
    while (j > i && !(endable(text, units, i, j) && balanced(phrase(i, j)))) j--;
    if (j > i && hanLength(phrase(i, j)) >= MIN_PHRASE) {
      out.push({ start: units[i]!.start, end: units[j - 1]!.end });
      i = j;
    } else i++;
  }
  return out;
}

/** Units of each clause the region touches, from the first unit it overlaps to the clause's end
 *  (fingerprints are sampled: the phrase may go on past the last marked character). */
function clauseUnits(text: string, r: Region, marksOnly = false): Unit[][] {
  const c = clauseAround(text, r.start, r.end);
  const groups: Unit[][] = [[]];
  for (const u of phraseUnits(text, c.start, c.end)) {
    if (u.kind === 'break') groups.push([]);
    else if (u.end > r.start && (!marksOnly || u.start < r.end)) groups[groups.length - 1]!.push(u);
  }
  return groups.filter((g) => g.length > 0);
}

/** What makes a phrase formula: held by the formula number of families, or inside one of the
 *  user's formula phrases (always formula, whatever the corpus holds). */
interface Rule {
  minFamilies: number;
  user: (phrase: string) => boolean;
  /** No phrase counts to be had (lookup's text not built yet): the marked stretch on word edges is
   *  the phrase, counted by its rarest fingerprint, listed unweighed. */
  marksOnly?: boolean;
}

function ruleOf(minFamilies: number, formulaPhrases: readonly string[]): Rule {
  const mine = formulaPhrases.map((f) => normalize(f).text).filter((f) => f.length > 0);
  return {
    minFamilies,
    user: (s) => mine.length > 0 && mine.some((f) => f.includes(normalize(s).text)),
  };
}

/** The formula regions of a page in lanes: regions whose clauses overlap share a lane (a phrase
 *  found in one limits where the next may start); lanes touch disjoint clauses and a phrase never
 *  crosses a clause break, so lanes can be searched in any order, or side by side, with the same
 *  answers. In page order. */
function lanes(text: string, prof: PageProfile): Region[][] {
  const out: Region[][] = [];
  let end = -1;
  for (const r of formulaRegions(text, prof)) {
    const c = clauseAround(text, r.start, r.end);
    if (c.start < end) out[out.length - 1]!.push(r);
    else out.push([r]);
    end = Math.max(end, c.end);
  }
  return out;
}

/** The 提法 of one lane, in page order, as a search asking for phrase counts. */
function* laneSearch(text: string, regions: Region[], rule: Rule): Search<BoilerplateSpan[]> {
  const out: BoilerplateSpan[] = [];
  let last = 0;
  for (const r of regions)
    for (const units of clauseUnits(text, r, rule.marksOnly)) {
      const found = yield* phrasesIn(
        text,
        units.filter((u) => u.start >= last),
        rule,
      );
      for (const p of found) {
        const phrase = text.slice(p.start, p.end);
        last = p.end;
        const c = rule.marksOnly ? { docs: r.df, families: Infinity } : yield { phrase };
        if (rule.user(phrase) || c.families * hanLength(phrase) >= LIST_WEIGHT * rule.minFamilies)
          out.push({ ...p, phrase, docFreq: c.docs });
      }
    }
  return out;
}

/** The 提法 of a page as one search per lane (their spans concatenated are the page's, in order). */
function searches(text: string, prof: PageProfile, rule: Rule): Search<BoilerplateSpan[]>[] {
  return lanes(text, prof).map((regions) => laneSearch(text, regions, rule));
}

/** The 提法 of a page, counts from the embedded index; without an oracle (lookup's text not built
 *  yet), the formula marks alone on word edges. Lanes are searched one after the other. */
export function boilerplateOfProfile(text: string, prof: PageProfile, oracle?: PhraseOracle): BoilerplateSpan[] {
  if (!oracle) return runLanes(searches(text, prof, { ...ruleOf(0, []), marksOnly: true }), () => NO_HOLDERS);
  const counts = new Counts();
  return runLanes(searches(text, prof, ruleOf(oracle.minFamilies, oracle.formulaPhrases)), (ask) => {
    let c = counts.get(ask);
    if (!c) counts.set(ask, (c = oracle.count(ask.phrase, ask.need)));
    return c;
  });
}

const NO_HOLDERS: PhraseCount = { docs: 0, families: 0 };

/** Runs the lanes' searches one after the other, `answer` giving each count asked for; their spans
 *  concatenated, in page order. */
function runLanes(lanes: Search<BoilerplateSpan[]>[], answer: (ask: Ask) => PhraseCount): BoilerplateSpan[] {
  const out: BoilerplateSpan[] = [];
  for (const g of lanes) {
    let step = g.next();
    while (!step.done) step = g.next(answer(step.value));
    out.push(...step.value);
  }
  return out;
}

/** How a remote backend is asked about whole phrases: many at once (one round trip), with the
 *  same meaning of `need` as PhraseOracle.count. */
interface PhraseBatchOracle extends Omit<PhraseOracle, 'count'> {
  counts(phrases: string[], need?: number): Promise<(PhraseCount & { whole?: boolean })[]>;
}

type Lane = { g: Search<BoilerplateSpan[]>; step: IteratorResult<Ask, BoilerplateSpan[]> };

/** The same search, asking a remote backend: every lane runs side by side. Each round, every lane
 *  goes as far as the counts known so far take it; the questions they are then waiting on, with
 *  the others each may ask next (Ask.next), go to the backend in one batch. A page costs as many
 *  rounds as its longest lane needs, not one per question. */
export async function boilerplateOfProfileAsync(
  text: string,
  prof: PageProfile,
  oracle: PhraseBatchOracle,
): Promise<BoilerplateSpan[]> {
  const counts = new Counts();
  const runs: Lane[] = searches(text, prof, ruleOf(oracle.minFamilies, oracle.formulaPhrases)).map((g) => ({
    g,
    step: g.next(),
  }));
  for (;;) {
    const waiting: Ask[] = [];
    for (const run of runs) {
      for (let c; !run.step.done && (c = counts.get(run.step.value));) run.step = run.g.next(c);
      if (!run.step.done) waiting.push(run.step.value);
    }
    if (waiting.length === 0) break;
    await askRound(oracle, counts, waiting);
  }
  return runs.flatMap((r) => (r.step.done ? r.step.value : []));
}

/** One round trip (two in parallel when some questions need whole counts and others only `need`):
 *  the questions the lanes wait on, and the others each may ask next. */
async function askRound(oracle: PhraseBatchOracle, counts: Counts, waiting: Ask[]): Promise<void> {
  const byNeed = new Map<number | undefined, Set<string>>();
  for (const a of waiting) {
    let batch = byNeed.get(a.need);
    if (!batch) byNeed.set(a.need, (batch = new Set()));
    batch.add(a.phrase);
    for (const p of a.next?.() ?? []) if (!counts.get({ phrase: p, need: a.need })) batch.add(p);
  }
  await Promise.all(
    [...byNeed].map(async ([need, batch]) => {
      const phrases = [...batch];
      const got = await oracle.counts(phrases, need);
      // A count the backend says is whole answers the phrase's later questions too.
      phrases.forEach((phrase, k) => counts.set({ phrase, need: got[k]!.whole ? undefined : need }, got[k]!));
    }),
  );
}

/** Counts asked for on one page: a whole count answers every question about its phrase; a count
 *  that stopped at `need` answers only questions needing no more. */
class Counts {
  private whole = new Map<string, PhraseCount>();
  private partial = new Map<string, PhraseCount>();

  get({ phrase, need }: Ask): PhraseCount | undefined {
    const w = this.whole.get(phrase);
    if (w || need === undefined) return w;
    const p = this.partial.get(phrase);
    return p && p.families >= need ? p : undefined;
  }

  set({ phrase, need }: Ask, c: PhraseCount): void {
    if (need === undefined || c.families < need) this.whole.set(phrase, c);
    else this.partial.set(phrase, c);
  }
}
