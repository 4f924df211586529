// Real-document evaluation: each provincial 2026 report is matched against all the other real
// documents (provincial, national, seeds), and scored against the verbatim runs of ≥ 40
// normalised characters it shares with them. Runs held by fewer documents than the formula rule
// are copying and must be found (recall, crediting a passage whose document or holders share the
// run); runs held by more are formula and should not be passages (their share is shown). The naive
// exact n-gram matcher runs on the same pages.
import { createEngine } from '../core/engine';
import { formulaMinFamilies } from '../core/model/tunables';
import type { MatchResult } from '../core/model/types';
import { NaiveMatcher, NAIVE_N, type NaivePassage } from './lib/naive-matcher';
import { realCorpus } from './lib/real-corpus';
import { RUN, VerbatimTruth } from './lib/verbatim-truth';

/** The sentence of issue 11 that 湖北, 重庆 and 黑龙江 (and more) share. */
export const DIFFUSED = '努力把农业建成现代化大产业、使农村基本具备现代生活条件、让农民生活更加富裕美好';

interface Tally {
  copy: number;
  found: number;
  /** Found by a passage whose `holders` (not only `alsoIn`) name a holder of the run. */
  foundHolders: number;
  /** Copied characters inside some passage, whatever document it names. */
  covered: number;
  formula: number;
  formulaMarked: number;
  marked: number;
  chars: number;
}

const empty = (): Tally => ({
  copy: 0,
  found: 0,
  foundHolders: 0,
  covered: 0,
  formula: 0,
  formulaMarked: 0,
  marked: 0,
  chars: 0,
});

/** A passage's page span, the documents it names (its source, `holders` and `alsoIn`: every
 *  document the engine says holds it), and those of `holders` alone. */
type Marked = { start: number; end: number; ids: string[]; holders?: string[] };

function score(t: Tally, len: number, truth: ReturnType<VerbatimTruth['of']>, passages: Marked[]): void {
  const by: (string[] | undefined)[] = new Array(len);
  const byHolders: (string[] | undefined)[] = new Array(len);
  for (const p of passages)
    for (let i = p.start; i < p.end; i++) {
      (by[i] ??= []).push(...p.ids);
      (byHolders[i] ??= []).push(...(p.holders ?? p.ids));
    }
  for (let i = 0; i < len; i++) {
    t.chars++;
    if (by[i]) t.marked++;
    const c = truth.copy[i];
    if (c) {
      t.copy++;
      if (by[i]) t.covered++;
      if (by[i]?.some((id) => c.has(id))) t.found++;
      if (byHolders[i]?.some((id) => c.has(id))) t.foundHolders++;
    } else if (truth.formula[i]) {
      t.formula++;
      if (by[i]) t.formulaMarked++;
    }
  }
}

export interface RealFigures {
  /** Recall of non-formula runs, engine and naive matcher: a run's character counts as found
   *  inside a passage naming one of the run's holders, as its source, in `holders` or in `alsoIn`
   *  (the documents holding at least half of the passage's fingerprints, listed to the reader as
   *  "also in"). */
  recall: number;
  /** The same, naming holders by the passage's source and `holders` only (not `alsoIn`). */
  recallHolders: number;
  naiveRecall: number;
  /** Share of page characters inside passages. */
  marked: number;
  naiveMarked: number;
  /** Ids of the documents the 湖北/重庆/黑龙江 sentence was reported with (its page included). */
  diffusedHolders: string[];
}

export async function evalReal(): Promise<RealFigures> {
  const { docs, pages } = realCorpus();
  if (!pages.length) {
    console.log('\nreal-document eval: ../shared/corpus-external not found, skipped');
    return { recall: NaN, recallHolders: NaN, naiveRecall: NaN, marked: NaN, naiveMarked: NaN, diffusedHolders: [] };
  }
  const t0 = performance.now();
  const engine = createEngine(docs);
  const naive = new NaiveMatcher(docs);
  const truth = new VerbatimTruth(docs);
  const formulaMin = formulaMinFamilies(docs.length - 1);
  console.log(
    `\nreal-document eval: ${pages.length} provincial reports vs ${docs.length - 1} other documents ` +
      `(built in ${((performance.now() - t0) / 1000).toFixed(1)} s); truth: verbatim runs ≥ ${RUN} chars, ` +
      `formula = held by ≥ ${formulaMin} other documents`,
  );
  const eng = empty();
  const nai = empty();
  const diffused = new Set<string>();
  for (const page of pages) {
    engine.remove(page.id);
    const r: MatchResult = engine.match(page.body);
    engine.add([page]);
    const tr = truth.of(page, formulaMin);
    score(
      eng,
      page.body.length,
      tr,
      r.passages.map((p) => ({
        start: p.start,
        end: p.end,
        ids: [p.docId, ...(p.holders ?? []), ...(p.alsoIn ?? [])],
        holders: p.holders ?? [p.docId],
      })),
    );
    const np: NaivePassage[] = naive.match(page.body, page.id);
    score(
      nai,
      page.body.length,
      tr,
      np.map((p) => ({ start: p.start, end: p.end, ids: [p.docId] })),
    );
    const at = page.body.indexOf(DIFFUSED);
    if (at >= 0) {
      const hit = r.passages.find((p) => p.start <= at + 10 && p.end >= at + DIFFUSED.length - 10);
      if (hit) for (const id of [page.id, ...(hit.holders ?? [hit.docId])]) diffused.add(id);
    }
  }
  const f = (x: number): string => x.toFixed(3);
  const pc = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  console.log('                                                  engine     naive exact ' + NAIVE_N + '-gram');
  console.log(
    `recall of non-formula runs (a holder named)      ${f(eng.found / eng.copy).padEnd(10)} ${f(nai.found / nai.copy)}   (${eng.copy} chars in runs held by < ${formulaMin})`,
  );
  console.log(
    `  the same, by source and holders only (no alsoIn) ${f(eng.foundHolders / eng.copy).padEnd(10)} ${f(nai.foundHolders / nai.copy)}`,
  );
  console.log(
    `formula-only chars marked                         ${pc(eng.formulaMarked, eng.formula).padEnd(10)} ${pc(nai.formulaMarked, nai.formula)}   (formula share of verbatim-run chars: ${pc(eng.formula, eng.formula + eng.copy)})`,
  );
  console.log(
    `page chars marked                                 ${pc(eng.marked, eng.chars).padEnd(10)} ${pc(nai.marked, nai.chars)}`,
  );
  const holders = [...diffused].sort();
  const titles = holders.map((id) => docs.find((d) => d.id === id)?.title.replace(/^2026年|政府工作报告$/g, '') ?? id);
  console.log(`"${DIFFUSED.slice(0, 16)}…" reported with its holders: ${titles.join('、') || 'NOT REPORTED'}`);
  return {
    recall: eng.found / eng.copy,
    recallHolders: eng.foundHolders / eng.copy,
    naiveRecall: nai.found / nai.copy,
    marked: eng.marked / eng.chars,
    naiveMarked: nai.marked / nai.chars,
    diffusedHolders: holders,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await evalReal();
