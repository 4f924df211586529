// Why the engine misses verbatim runs of the real-document eval (`npm run eval -- misses`): every
// missed stretch of a non-formula run is classified by where the holder was lost, and a sample
// is printed. Classes: the holder was never aligned (no local run over the stretch, or a local run
// not chosen), the holder's chains there were rejected as passages (keep), its passage lost the
// region to another document's (assign), or the stretch is inside a passage naming other holders.
import { annotateMatch } from '../core/evidence/annotate';
import { pageGrams } from '../core/evidence/holders';
import { CorpusStore } from '../core/index/corpus-store';
import { chooseCandidates } from '../core/match/candidates';
import { chainRuns } from '../core/match/chain';
import { Keeper } from '../core/match/keep';
import { matchProfiled } from '../core/match/matcher';
import { profilePage, type PageProfile } from '../core/match/page-profile';
import { PageGrams, findRuns } from '../core/match/runs';
import { resolveSettings, type MatchSettings } from '../core/match/settings';
import { formulaMinFamilies } from '../core/model/tunables';
import type { CorpusDoc } from '../core/model/types';
import { normalize } from '../core/text/normalize';
import { realCorpus } from './lib/real-corpus';
import { VerbatimTruth } from './lib/verbatim-truth';

interface Miss {
  a: number;
  b: number;
  holders: Set<string>;
}

/** Maximal stretches of run characters not inside a passage crediting one of their holders. */
function misses(copy: (Set<string> | undefined)[], by: (string[] | undefined)[]): Miss[] {
  const out: Miss[] = [];
  const hit = (i: number): boolean => !!by[i]?.some((id) => copy[i]!.has(id));
  let i = 0;
  while (i < copy.length) {
    if (!copy[i] || hit(i)) {
      i++;
      continue;
    }
    const m: Miss = { a: i, b: i, holders: new Set() };
    while (i < copy.length && copy[i] && !hit(i)) for (const h of copy[i++]!) m.holders.add(h);
    m.b = i;
    out.push(m);
  }
  return out;
}

function classify(store: CorpusStore, prof: PageProfile, s: MatchSettings, slots: number[], na: number, nb: number) {
  const chosen = chooseCandidates(store, prof).filter((c) => slots.includes(c.slot));
  if (!chosen.length) {
    const local = slots.some((sl) => (prof.local.get(sl) ?? []).some((r) => r.end > na && r.start < nb));
    return local ? 'holder not aligned: local run not chosen' : 'holder not aligned: no local run';
  }
  const keeper = new Keeper(store, prof, s);
  const grams = new PageGrams(prof.n.text, prof.blockedGrams, prof.hashes);
  let cls = 'holder aligned: no chain over it';
  for (const c of chosen)
    for (const x of chainRuns(findRuns(grams, store.normText(c.slot)), { maxGap: 60 })) {
      if (x.pEnd <= na || x.pStart >= nb) continue;
      if (keeper.accept(x, c.slot).some((y) => y.pEnd > na && y.pStart < nb)) return 'passage lost the region (assign)';
      cls = 'chain rejected as a passage (keep)';
    }
  return cls;
}

const size = (n: number): string => (n < 10 ? '< 10' : n < 40 ? '10–39' : n < 60 ? '40–59' : '60+');

export function evalRealMisses(sample = Number(process.env.EVAL_SAMPLE ?? 30)): void {
  const { docs, pages } = realCorpus();
  if (!pages.length) return void console.log('misses: ../shared/corpus-external not found, skipped');
  const truth = new VerbatimTruth(docs);
  const formulaMin = formulaMinFamilies(docs.length - 1);
  const classes = new Map<string, number>();
  const lines: string[] = [];
  const formula = { chars: 0, in: 0 };
  for (const page of pages) pageMisses(page, docs, truth, formulaMin, classes, lines, formula);
  const total = [...classes.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nmissed characters of non-formula runs: ${total} (${((100 * formula.in) / Math.max(1, formula.chars)).toFixed(0)} % of them ` +
      `inside the engine's formula wording), by cause and stretch length`,
  );
  for (const [k, v] of [...classes].sort((x, y) => y[1] - x[1])) console.log(`${String(v).padStart(6)}  ${k}`);
  console.log(`sample (${Math.min(sample, lines.length)} of ${lines.length}; f = share of formula characters):`);
  const step = Math.max(1, Math.floor(lines.length / sample));
  for (let k = 0; k < lines.length && k / step < sample; k += step) console.log(lines[k]);
}

function pageMisses(
  page: CorpusDoc,
  docs: CorpusDoc[],
  truth: VerbatimTruth,
  formulaMin: number,
  classes: Map<string, number>,
  lines: string[],
  formula: { chars: number; in: number },
): void {
  const store = new CorpusStore();
  for (const d of docs) if (d.id !== page.id) store.add(d);
  store.linkFamilies();
  const s = { ...resolveSettings(store.live), exclude: new Set<number>() };
  const n = normalize(page.body);
  const prof = profilePage(store, n, s, true);
  // As the eval credits them: a passage names its source, its holders and its `alsoIn`.
  const r = annotateMatch(
    store,
    page.body,
    pageGrams(n),
    matchProfiled(store, page.body, prof, s),
    undefined,
    s.exclude,
  );
  const by: (string[] | undefined)[] = new Array(page.body.length);
  for (const p of r.passages)
    for (let i = p.start; i < p.end; i++) (by[i] ??= []).push(p.docId, ...(p.holders ?? []), ...(p.alsoIn ?? []));
  const o2n = new Int32Array(page.body.length).fill(-1);
  for (let k = 0; k < n.text.length; k++) o2n[n.starts[k]!] = k;
  const tr = truth.of(page, formulaMin);
  for (const m of misses(tr.copy, by)) {
    let na = -1;
    let nb = -1;
    for (let k = m.a; k < m.b; k++) if (o2n[k]! >= 0) [na, nb] = [na < 0 ? o2n[k]! : na, o2n[k]! + 1];
    const covered = by.slice(m.a, m.b).some(Boolean);
    const slots = [...m.holders].map((h) => store.byId.get(h)!);
    const cls = covered ? 'inside a passage naming other holders' : classify(store, prof, s, slots, na, nb);
    const key = `${cls}, stretch ${size(m.b - m.a)}`;
    classes.set(key, (classes.get(key) ?? 0) + m.b - m.a);
    let f = 0;
    for (let k = na; k < nb; k++) f += prof.formula[k]!;
    formula.chars += Math.max(0, nb - na);
    formula.in += f;
    const name = (id: string): string => id.split('/').pop()!;
    lines.push(
      `  ${name(page.id)} ← ${[...m.holders].map(name).join(',')}  [${key}; f=${(f / Math.max(1, nb - na)).toFixed(2)}] ${page.body.slice(m.a, m.b).replace(/\s+/g, '')}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) evalRealMisses();
