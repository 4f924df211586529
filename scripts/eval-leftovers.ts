// Leftover evaluation on real documents (`npm run eval -- leftovers`): pages copied from the 31
// provincial 2026 reports and seed 002 with the names swapped except one or two (scripts/lib/
// leftover-cases.ts), faithful copies and verbatim reposts, original speeches the corpus does not
// hold (xi-speeches-2020, a sample of the hansard), chains A → B → C, and each copy saved into the
// corpus under its own URL. The corpus: the provincial and national reports and the seeds, from
// ../shared, dated and placed from their index lines (the seeds from their own text).
import { createEngine, type SnapshotEngine } from '../core/engine';
import { sourceFacts } from '../core/evidence/leftovers';
import type { CorpusDoc, Leftover } from '../core/model/types';
import { lightEdit } from '../tests/fixtures/reuse-cases';
import { rng } from '../tests/fixtures/rng';
import { readSet, sharedMissing } from '../tests/fixtures/shared';
import { casesOf, nationalCopy, type LeftoverCase, type SourceDoc, type TruthSpan } from './lib/leftover-cases';

const SEED = Number(process.env.EVAL_SEED ?? 20261201);
const COPIES_PER_REPORT = 2;
const COPIES_PER_SEED = 12;

export interface LeftoverFigures {
  copyPages: number;
  truth: number;
  found: number;
  /** Truth spans (left by the copier, not the source's own slots) overlapped by a leftover. */
  recall: number;
  /** Leftovers on copy pages that overlap a truth span (slots the source had count as truth). */
  precision: number;
  /** The same without the source's own slots, on either side. */
  precisionLeftOnly: number;
  faithfulPages: number;
  faithfulFalse: number;
  originalPages: number;
  originalFalse: number;
  chains: number;
  chainPassages: number;
  chainOriginA: number;
  chainPagesAllA: number;
  savedPages: number;
  savedRealSource: number;
  /** Truth spans left by the copier and how many were found, by kind. */
  byKind: Record<string, { truth: number; found: number }>;
  misses: string[];
  falseAlarms: string[];
}

interface EvalCorpus {
  docs: CorpusDoc[];
  sources: SourceDoc[];
  originals: CorpusDoc[];
  /** National reports since 2015, copied into county reports as faithful pages. */
  national: Array<CorpusDoc & { date: string }>;
}

function corpus(): EvalCorpus {
  const docs: CorpusDoc[] = [];
  const national: EvalCorpus['national'] = [];
  const sources: SourceDoc[] = [];
  const originals: CorpusDoc[] = [];
  for (const t of readSet('corpus-external')) {
    const id = t.file.replace(/^corpus-external\//, '').replace(/\.txt$/, '');
    const base = { id, title: t.title, body: t.body, origin: 'user' as const };
    if (t.group === 'cn-provincial-gwr-2026') {
      const d = { ...base, date: String(t.meta.publish_date), place: String(t.meta.province) };
      docs.push(d);
      sources.push(d);
    } else if (t.group === 'cn-gov-work-reports') {
      docs.push({ ...base, ...(t.meta.year ? { date: String(t.meta.year) } : {}) });
      if (Number(t.meta.year) >= 2015) national.push({ ...base, date: String(t.meta.year) });
    } else if (t.group === 'xi-speeches-2020' || Number(id.slice(-4)) % 6 === 0) {
      originals.push(base);
    }
  }
  for (const t of readSet('seeds')) {
    const d: CorpusDoc = { id: t.file, title: t.title, body: t.body, origin: 'user' };
    const f = sourceFacts(d);
    const dated = { ...d, ...(f.date ? { date: f.date } : {}), ...(f.place ? { place: f.place } : {}) };
    docs.push(dated);
    if (dated.date && dated.place) sources.push(dated as SourceDoc);
  }
  return { docs, sources, originals, national };
}

/** One-to-one overlap matching in page order: a leftover matches the first unmatched truth span
 *  it overlaps by at least one character. */
function matchSpans(found: Leftover[], truth: TruthSpan[]): Map<Leftover, TruthSpan> {
  const used = new Set<TruthSpan>();
  const out = new Map<Leftover, TruthSpan>();
  for (const f of found) {
    const t = truth.find((x) => !used.has(x) && x.start < f.end && f.start < x.end);
    if (t) {
      used.add(t);
      out.set(f, t);
    }
  }
  return out;
}

const show = (page: string, s: { start: number; end: number }) =>
  `${page.slice(Math.max(0, s.start - 6), s.start)}[${page.slice(s.start, s.end)}]${page.slice(s.end, s.end + 6)}`.replace(
    /\n/g,
    '⏎',
  );

function scoreCopies(engine: SnapshotEngine, cases: LeftoverCase[], f: LeftoverFigures): void {
  for (const c of cases) {
    const found = engine.match(c.page).leftovers ?? [];
    const m = matchSpans(found, c.truth);
    const left = c.truth.filter((t) => !t.native);
    if (c.kind === 'copy') {
      f.copyPages++;
      f.truth += left.length;
      f.found += found.length;
      const hit = new Set(m.values());
      f.recall += left.filter((t) => hit.has(t)).length;
      f.precision += m.size;
      f.precisionLeftOnly += [...m.values()].filter((t) => !t.native).length;
      for (const t of left) {
        const k = (f.byKind[t.kind] ??= { truth: 0, found: 0 });
        k.truth++;
        if (hit.has(t)) k.found++;
        else f.misses.push(`${c.sourceId} ${t.kind} ${show(c.page, t)}`);
      }
    } else {
      f.faithfulPages++;
    }
    for (const l of found)
      if (!m.has(l)) {
        if (c.kind !== 'copy') f.faithfulFalse++;
        f.falseAlarms.push(`${c.kind} ${c.sourceId} ${l.kind} ${show(c.page, l)} (${l.evidence})`);
      }
  }
  f.precisionLeftOnly /= Math.max(1, f.found - (f.precision - f.precisionLeftOnly));
  f.recall /= Math.max(1, f.truth);
  f.precision /= Math.max(1, f.found);
}

function scoreOriginals(engine: SnapshotEngine, originals: CorpusDoc[], f: LeftoverFigures): void {
  for (const d of originals) {
    f.originalPages++;
    for (const l of engine.match(d.title + '\n' + d.body).leftovers ?? []) {
      f.originalFalse++;
      f.falseAlarms.push(`original ${d.id} ${l.kind} ${show(d.title + '\n' + d.body, l)} (${l.evidence})`);
    }
  }
}

/** A → B (a later copy of A) → C (a later copy of B), all dated in the corpus; the page copies C. */
function scoreChains(engine: SnapshotEngine, sources: SourceDoc[], f: LeftoverFigures): void {
  const r = rng(SEED + 1);
  const year = (s: SourceDoc, k: number) => `${Number(s.date.slice(0, 4)) + k}${s.date.slice(4)}`;
  const chains = sources.map((a) => {
    const b = { ...a, id: `chain/${a.id}/b`, date: year(a, 1), body: lightEdit(r, a.body) };
    const c = { ...a, id: `chain/${a.id}/c`, date: year(a, 2), body: lightEdit(r, b.body) };
    return { a, b, c };
  });
  engine.add(chains.flatMap(({ b, c }) => [c, b]));
  for (const { a, b, c } of chains) {
    f.chains++;
    const members = new Set([a.id, b.id, c.id]);
    const passages = engine.match(lightEdit(r, c.body)).passages.filter((p) => members.has(p.docId));
    const good = passages.filter((p) => p.origin?.docId === a.id).length;
    for (const p of passages.filter((x) => x.origin?.docId !== a.id))
      f.misses.push(
        `chain ${a.id}: passage of ${p.docId} (${p.end - p.start} chars) names origin ${p.origin?.docId} ${p.origin?.date}; also in ${p.alsoIn?.slice(0, 4).join(' ')}`,
      );
    f.chainPassages += passages.length;
    f.chainOriginA += good;
    if (passages.length > 0 && good === passages.length) f.chainPagesAllA++;
  }
  for (const { b, c } of chains) for (const d of [b, c]) engine.remove(d.id);
  f.chainOriginA /= Math.max(1, f.chainPassages);
}

/** Each copy saved into the corpus under its URL ("添加当前页面"), then compared again with its URL. */
function scoreSaved(engine: SnapshotEngine, cases: LeftoverCase[], f: LeftoverFigures): void {
  for (const c of cases.filter((x) => x.kind === 'copy')) {
    const id = `user/saved-${f.savedPages}`;
    engine.add([{ id, title: c.page.slice(0, 30), body: c.page, origin: 'user', url: c.url }]);
    const res = engine.match(c.page, { page: { url: c.url } });
    engine.remove(id);
    f.savedPages++;
    if (res.candidates[0]?.id === c.sourceId && !res.passages.some((p) => p.docId === id)) f.savedRealSource++;
  }
}

export function leftoverFigures(): LeftoverFigures {
  const { docs, sources, originals, national } = corpus();
  const r = rng(SEED);
  const cases = sources.flatMap((s) => casesOf(s, r, s.id.startsWith('seeds/') ? COPIES_PER_SEED : COPIES_PER_REPORT));
  cases.push(...national.map((d) => nationalCopy(d, r)));
  const f: LeftoverFigures = {
    copyPages: 0,
    truth: 0,
    found: 0,
    recall: 0,
    precision: 0,
    precisionLeftOnly: 0,
    faithfulPages: 0,
    faithfulFalse: 0,
    originalPages: 0,
    originalFalse: 0,
    chains: 0,
    chainPassages: 0,
    chainOriginA: 0,
    chainPagesAllA: 0,
    savedPages: 0,
    savedRealSource: 0,
    byKind: {},
    misses: [],
    falseAlarms: [],
  };
  const engine = createEngine(docs);
  scoreCopies(engine, cases, f);
  scoreOriginals(engine, originals, f);
  scoreChains(engine, sources, f);
  scoreSaved(engine, cases, f);
  return f;
}

export async function evalLeftovers(): Promise<LeftoverFigures | null> {
  const missing = sharedMissing(['seeds', 'corpus-external']);
  if (missing) {
    console.log(`\nleftover eval: skipped, ${missing}`);
    return null;
  }
  const t0 = performance.now();
  const f = leftoverFigures();
  const x = (n: number) => n.toFixed(3);
  const per20 = (n: number, pages: number) => ((20 * n) / Math.max(1, pages)).toFixed(2);
  console.log(`\nleftover eval (seed ${SEED}, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(
    `copy pages ${f.copyPages}: ${f.truth} spans left by the copier, ${f.found} leftovers found; ` +
      `recall ${x(f.recall)}, precision ${x(f.precision)} (${x(f.precisionLeftOnly)} without the sources' own slots); ` +
      `a leftover matches a truth span it overlaps (one to one)`,
  );
  const kinds = Object.entries(f.byKind).map(([k, v]) => `${k} ${v.found}/${v.truth}`);
  console.log(`found by kind: ${kinds.join(', ')}`);
  console.log(
    `false alarms: faithful copies, reposts and county copies of national reports ${f.faithfulFalse} on ${f.faithfulPages} pages ` +
      `(${per20(f.faithfulFalse, f.faithfulPages)} per 20 pages); original speeches not in the corpus ` +
      `${f.originalFalse} on ${f.originalPages} pages (${per20(f.originalFalse, f.originalPages)} per 20 pages)`,
  );
  console.log(
    `chains A → B → C (page copies C): origin = A for ${x(f.chainOriginA)} of ${f.chainPassages} passages; ` +
      `${f.chainPagesAllA}/${f.chains} pages with every passage naming A`,
  );
  console.log(`saved into the corpus, compared again by URL: real source on top ${f.savedRealSource}/${f.savedPages}`);
  if (process.env.EVAL_VERBOSE) {
    for (const m of f.misses) console.log('  miss  ' + m);
    for (const a of f.falseAlarms) console.log('  false ' + a);
  } else if (f.misses.length + f.falseAlarms.length) {
    console.log(`  (EVAL_VERBOSE=1 lists the ${f.misses.length} misses and ${f.falseAlarms.length} false alarms)`);
  }
  return f;
}

if (import.meta.url === `file://${process.argv[1]}`) await evalLeftovers();
