// Generated cases of issue 11, each printed beside the naive exact n-gram matcher run on the same
// pages: a 150–300-character paragraph copied into a 15–25 k-character speech (recall of the
// paragraph, credited to its source); pages stitched from 3–5 sources, 200–700 characters each
// (copied characters credited to the right source); copies with 3–5 % of characters edited and
// clauses reworded (F1); held-out real speeches (characters marked). Same corpus split and seed
// as `npm run eval -- match`.
import { createEngine } from '../core/engine';
import type { CorpusDoc } from '../core/model/types';
import { excerpt, heavyEdit } from '../tests/fixtures/reuse-cases';
import { rng, type Rng } from '../tests/fixtures/rng';
import { loadShared } from '../tests/fixtures/shared';
import { SEED, corpusGrams, sharedVerbatim, splitCorpus } from './eval-match';
import { NAIVE_N, NaiveMatcher } from './lib/naive-matcher';

const PER_KIND = 12;

type Kind = 'long' | 'stitched' | 'edited' | 'original';

interface GenCase {
  kind: Kind;
  page: string;
  /** Copied spans (original page offsets) and the document each was copied from. */
  pieces: { start: number; end: number; id: string }[];
}

interface Span {
  start: number;
  end: number;
  docId: string;
}

/** Figures of one matcher over one kind of case: characters in copied pieces, those inside a
 *  passage naming the piece's source, characters marked in all, marked outside the pieces, and
 *  page characters (whitespace left out everywhere). */
interface Tally {
  truth: number;
  credited: number;
  marked: number;
  wrong: number;
  chars: number;
  /** Original pages: marked characters and page characters outside the text the page shares
   *  verbatim (≥ 20 characters) with the corpus. */
  markedOwn: number;
  charsOwn: number;
}

const empty = (): Tally => ({ truth: 0, credited: 0, marked: 0, wrong: 0, chars: 0, markedOwn: 0, charsOwn: 0 });

function tally(t: Tally, c: GenCase, spans: Span[], shared?: Uint8Array): void {
  const src: (string | undefined)[] = new Array(c.page.length);
  for (const p of c.pieces) src.fill(p.id, p.start, p.end);
  const marked = new Uint8Array(c.page.length);
  const right = new Uint8Array(c.page.length);
  for (const s of spans)
    for (let i = s.start; i < s.end; i++) {
      marked[i] = 1;
      if (src[i] === s.docId) right[i] = 1;
    }
  for (let i = 0; i < c.page.length; i++) {
    if (/\s/.test(c.page[i]!)) continue;
    t.chars++;
    t.marked += marked[i]!;
    if (src[i]) {
      t.truth++;
      t.credited += right[i]!;
    } else t.wrong += marked[i]!;
    if (shared && !shared[i]) {
      t.charsOwn++;
      t.markedOwn += marked[i]!;
    }
  }
}

function paragraphOf(r: Rng, d: CorpusDoc): string | null {
  const paras = d.body
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length >= 150 && p.length <= 300);
  return paras.length ? r.pick(paras) : null;
}

function cutAtLine(body: string, max: number): string {
  if (body.length <= max) return body;
  const nl = body.lastIndexOf('\n', max);
  return body.slice(0, nl > max / 2 ? nl : max);
}

function longCase(r: Rng, host: CorpusDoc, sources: CorpusDoc[]): GenCase {
  let source = r.pick(sources);
  let para = paragraphOf(r, source);
  while (!para) para = paragraphOf(r, (source = r.pick(sources)));
  const body = cutAtLine(host.body, 25_000);
  const lines = body.split('\n');
  const at = r.int(1, lines.length - 1);
  const before = lines.slice(0, at).join('\n');
  const page = `${before}\n${para}\n${lines.slice(at).join('\n')}`;
  return {
    kind: 'long',
    page,
    pieces: [{ start: before.length + 1, end: before.length + 1 + para.length, id: source.id }],
  };
}

function stitchedCase(r: Rng, sources: CorpusDoc[]): GenCase {
  const k = r.int(3, 5);
  const used = new Set<string>();
  const pieces: GenCase['pieces'] = [];
  let page = '';
  while (pieces.length < k) {
    const d = r.pick(sources);
    if (used.has(d.id)) continue;
    used.add(d.id);
    const piece = excerpt(r, d.body, r.int(200, 700)).slice(0, 700);
    if (page) page += '\n';
    pieces.push({ start: page.length, end: page.length + piece.length, id: d.id });
    page += piece;
  }
  return { kind: 'stitched', page, pieces };
}

export function buildGenerated(all: CorpusDoc[]): { corpus: CorpusDoc[]; cases: GenCase[] } {
  const { novelPool, corpus, sources } = splitCorpus(rng(SEED), all);
  const r = rng(SEED + 11);
  const hosts = novelPool.filter((d) => d.body.length >= 15_000);
  const cases: GenCase[] = [];
  for (let i = 0; i < PER_KIND; i++) {
    cases.push(longCase(r, hosts[i % hosts.length]!, sources));
    cases.push(stitchedCase(r, sources));
    const d = r.pick(sources);
    const page = heavyEdit(r, excerpt(r, d.body, r.int(1500, 6000)));
    cases.push({ kind: 'edited', page, pieces: [{ start: 0, end: page.length, id: d.id }] });
  }
  for (const d of novelPool) cases.push({ kind: 'original', page: d.body, pieces: [] });
  return { corpus, cases };
}

export interface GeneratedFigures {
  longRecall: number;
  stitchedCredited: number;
  editedF1: number;
  originalMarked: number;
  originalMarkedOwn: number;
  naive: { longRecall: number; stitchedCredited: number; editedF1: number; originalMarked: number };
}

const f1 = (t: Tally): number => {
  const p = t.marked ? t.credited / t.marked : 1;
  const rc = t.truth ? t.credited / t.truth : 1;
  return p + rc ? (2 * p * rc) / (p + rc) : 0;
};

export async function evalGenerated(): Promise<GeneratedFigures | null> {
  const all = loadShared('corpus-external');
  if (!all.length) {
    console.log('\ngenerated cases: ../shared/corpus-external not found, skipped');
    return null;
  }
  const { corpus, cases } = buildGenerated(all);
  const engine = createEngine(corpus);
  const naive = new NaiveMatcher(corpus);
  const grams = corpusGrams(corpus);
  const eng = new Map<Kind, Tally>();
  const nai = new Map<Kind, Tally>();
  const times: number[] = [];
  for (const c of cases) {
    const shared = c.kind === 'original' ? sharedVerbatim(c.page, grams) : undefined;
    const t = performance.now();
    const r = engine.match(c.page);
    if (c.kind === 'long') times.push(performance.now() - t);
    tally(eng.get(c.kind) ?? eng.set(c.kind, empty()).get(c.kind)!, c, r.passages, shared);
    tally(nai.get(c.kind) ?? nai.set(c.kind, empty()).get(c.kind)!, c, naive.match(c.page), shared);
  }
  const figures = (m: Map<Kind, Tally>) => ({
    longRecall: m.get('long')!.credited / m.get('long')!.truth,
    stitchedCredited: m.get('stitched')!.credited / m.get('stitched')!.truth,
    editedF1: f1(m.get('edited')!),
    originalMarked: m.get('original')!.marked / m.get('original')!.chars,
    originalMarkedOwn: m.get('original')!.markedOwn / Math.max(1, m.get('original')!.charsOwn),
  });
  const e = figures(eng);
  const n = figures(nai);
  printTable(e, n, eng, nai, times);
  return { ...e, naive: n };
}

function printTable(
  e: Omit<GeneratedFigures, 'naive'>,
  n: Omit<GeneratedFigures, 'naive'>,
  eng: Map<Kind, Tally>,
  nai: Map<Kind, Tally>,
  times: number[],
): void {
  const f = (x: number): string => x.toFixed(3).padEnd(10);
  const pc = (x: number): string => `${(100 * x).toFixed(2)} %`.padEnd(10);
  const prec = (t: Tally): string => (t.credited / Math.max(1, t.marked)).toFixed(3);
  console.log(
    `\ngenerated cases (seed ${SEED}, ${PER_KIND} of each kind)   engine     naive exact ${NAIVE_N}-gram   target`,
  );
  console.log(`150–300-char copy in a 15–25 k page: recall  ${f(e.longRecall)} ${f(n.longRecall)}          ≥ 0.95`);
  console.log(
    `3–5 sources × 200–700 chars: credited right   ${pc(e.stitchedCredited)} ${pc(n.stitchedCredited)}          ≥ 98 %`,
  );
  console.log(`3–5 % edited, clauses reworded: F1           ${f(e.editedF1)} ${f(n.editedF1)}          ≥ 0.97`);
  console.log(
    `held-out real speeches: chars marked         ${pc(e.originalMarked)} ${pc(n.originalMarked)}          < 0.5 %`,
  );
  console.log(`  … outside text they share verbatim (≥ 20) ${pc(e.originalMarkedOwn)} ${pc(n.originalMarkedOwn)}`);
  const [le, ln, se, sn] = [eng.get('long')!, nai.get('long')!, eng.get('stitched')!, nai.get('stitched')!];
  console.log(
    `precision (marked chars credited right): long ${prec(le)} (naive ${prec(ln)}), stitched ${prec(se)} (naive ${prec(sn)})`,
  );
  times.sort((a, b) => a - b);
  console.log(
    `match time on the long pages: p50 ${times[times.length >> 1]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await evalGenerated();
