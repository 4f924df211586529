// Original speeches against the bundled corpus (`npm run eval -- originals`): speeches that are
// genuinely not copies of it — the 52 Xi speeches of 2020 and a sample of the HK LegCo hansard
// (every sixth turn, Traditional), the same set the leftovers eval uses as originals — matched
// against corpus/ (the national and provincial reports and the seeds). The share of their
// characters marked is the engine's false marking on original text; the naive exact n-gram
// matcher runs on the same pages. Whatever is marked is printed (EVAL_SAMPLE passages) to be read:
// shared formula or real quotation, or a false passage.
import { createEngine } from '../core/engine';
import type { CorpusDoc, Passage } from '../core/model/types';
import { bundledDocs } from '../tests/fixtures/corpus';
import { loadShared } from '../tests/fixtures/shared';
import { corpusGrams, sharedVerbatim } from './eval-match';
import { NAIVE_N, NaiveMatcher } from './lib/naive-matcher';

export interface OriginalFigures {
  pages: number;
  /** Share of the originals' non-space characters inside passages, engine and naive matcher. */
  marked: number;
  naiveMarked: number;
  /** The same outside text they share verbatim (≥ 20 characters) with the corpus. */
  markedOwn: number;
}

/** The original speeches: Xi 2020, and every sixth hansard turn. */
function originalSpeeches(): CorpusDoc[] {
  return loadShared('corpus-external').filter(
    (d) =>
      d.id.startsWith('xi-speeches-2020/') ||
      (d.id.startsWith('hk-legco-hansard-2013/') && Number(d.id.replace(/\.txt$/, '').slice(-4)) % 6 === 0),
  );
}

export async function evalOriginals(sample = Number(process.env.EVAL_SAMPLE ?? 12)): Promise<OriginalFigures | null> {
  const originals = originalSpeeches();
  if (!originals.length) {
    console.log('\noriginals: ../shared/corpus-external not found, skipped');
    return null;
  }
  const corpus = bundledDocs();
  const engine = createEngine(corpus);
  const naive = new NaiveMatcher(corpus);
  const grams = corpusGrams(corpus);
  const t = { chars: 0, marked: 0, naive: 0, own: 0, ownMarked: 0 };
  const seen: string[] = [];
  for (const d of originals) {
    const r = engine.match(d.body);
    const mark = marks(d.body.length, r.passages);
    const nmark = marks(d.body.length, naive.match(d.body));
    const shared = sharedVerbatim(d.body, grams);
    for (let i = 0; i < d.body.length; i++) {
      if (/\s/.test(d.body[i]!)) continue;
      t.chars++;
      t.marked += mark[i]!;
      t.naive += nmark[i]!;
      if (!shared[i]) {
        t.own++;
        t.ownMarked += mark[i]!;
      }
    }
    for (const p of r.passages)
      seen.push(
        `  ${d.id} ← ${p.docId} (${p.end - p.start} chars, similarity ${p.similarity.toFixed(2)}, ` +
          `${(p.holders ?? []).length} holders): ${d.body.slice(p.start, p.end).replace(/\s+/g, '').slice(0, 70)}`,
      );
  }
  const pc = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(2)} %`;
  const xi = originals.filter((d) => d.id.startsWith('xi-')).length;
  console.log(
    `\noriginal speeches (${xi} Xi 2020, ${originals.length - xi} hansard turns) vs the bundled corpus (${corpus.length} documents)`,
  );
  console.log(`                                     engine     naive exact ${NAIVE_N}-gram   target`);
  console.log(
    `chars marked                         ${pc(t.marked, t.chars).padEnd(10)} ${pc(t.naive, t.chars).padEnd(10)}          < 0.5 %`,
  );
  console.log(`  … outside text shared verbatim (≥ 20) with the corpus ${pc(t.ownMarked, t.own)}`);
  console.log(`passages: ${seen.length}${seen.length ? `; ${Math.min(sample, seen.length)} shown:` : ''}`);
  for (const l of seen.slice(0, sample)) console.log(l);
  return {
    pages: originals.length,
    marked: t.marked / t.chars,
    naiveMarked: t.naive / t.chars,
    markedOwn: t.ownMarked / t.own,
  };
}

function marks(len: number, passages: Pick<Passage, 'start' | 'end'>[]): Uint8Array {
  const m = new Uint8Array(len);
  for (const p of passages) m.fill(1, p.start, p.end);
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) await evalOriginals();
