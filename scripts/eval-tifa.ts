// 提法 on real documents: each of the 31 provincial 2026 reports is asked for its formulaic phrases
// against all the other real documents (the other provincial reports, the national reports, the
// seeds). Span edges are checked against jieba (jieba-wasm, a dictionary segmenter independent of the
// Intl.Segmenter the engine cuts with), so the word-boundary figure is not the engine grading itself.
import { cut } from 'jieba-wasm';
import { createEngine } from '../core/engine';
import { LEADING_PARTICLES } from '../core/boilerplate/phrase-rules';
import type { BoilerplateSpan } from '../core/model/types';
import { realCorpus } from './lib/real-corpus';

/** Fragments issue 11 found in the old list: none may be a span, start or end one. */
export const OLD_FRAGMENTS: readonly ((p: string) => boolean)[] = [
  (p) => p.startsWith('近平'),
  (p) => /[^学复练研]习$/.test(p),
  (p) => p.endsWith('共建“一带') || p.endsWith('一带'),
  (p) => p === '公共预算',
  (p) => p.startsWith('的出发点') || p.endsWith('和落'),
  (p) => /报告\s*\n\s*——/.test(p),
];

export interface TifaFigures {
  reports: number;
  spans: number[];
  medianSpans: number;
  edges: number;
  edgesInsideWord: number;
  particleStarts: string[];
  fragments: string[];
  top: { phrase: string; reports: number; docFreq: number }[];
}

/** Words of a text by jieba: the word starting at each boundary (offsets in UTF-16 units, as the
 *  spans'; the text's end maps to ''). */
function jiebaWords(text: string): Map<number, string> {
  const out = new Map<number, string>();
  let at = 0;
  for (const w of cut(text, true)) {
    out.set(at, w);
    at += w.length;
  }
  out.set(at, '');
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function tifaFigures(): TifaFigures | null {
  const { docs, pages } = realCorpus();
  if (!pages.length) return null;
  const engine = createEngine(docs);
  const f: TifaFigures = {
    reports: pages.length,
    spans: [],
    medianSpans: 0,
    edges: 0,
    edgesInsideWord: 0,
    particleStarts: [],
    fragments: [],
    top: [],
  };
  const byPhrase = new Map<string, { reports: Set<string>; docFreq: number }>();
  for (const page of pages) {
    engine.remove(page.id);
    const spans: BoilerplateSpan[] = engine.boilerplate(page.body);
    engine.add([page]);
    f.spans.push(spans.length);
    const bounds = jiebaWords(page.body);
    for (const s of spans) {
      f.edges += 2;
      if (!bounds.has(s.start)) f.edgesInsideWord++;
      if (!bounds.has(s.end)) f.edgesInsideWord++;
      // A particle start is a jieba word that is a function word (地方 starts with 地 and is no particle).
      if (LEADING_PARTICLES.has(bounds.get(s.start) ?? '')) f.particleStarts.push(s.phrase);
      if (OLD_FRAGMENTS.some((t) => t(s.phrase))) f.fragments.push(s.phrase);
      const row = byPhrase.get(s.phrase) ?? { reports: new Set<string>(), docFreq: 0 };
      row.reports.add(page.id);
      row.docFreq = Math.max(row.docFreq, s.docFreq);
      byPhrase.set(s.phrase, row);
    }
  }
  f.medianSpans = median(f.spans);
  f.top = [...byPhrase]
    .map(([phrase, r]) => ({ phrase, reports: r.reports.size, docFreq: r.docFreq }))
    .sort((a, b) => b.reports - a.reports || b.docFreq - a.docFreq || b.phrase.length - a.phrase.length)
    .slice(0, 20);
  return f;
}

export async function evalTifa(): Promise<TifaFigures | null> {
  const t0 = performance.now();
  const f = tifaFigures();
  if (!f) {
    console.log('\n提法 eval: ../shared/corpus-external not found, skipped');
    return null;
  }
  const pc = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  console.log(
    `\n提法 eval: ${f.reports} provincial reports, each against the other real documents ` +
      `(${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `spans per report: median ${f.medianSpans}, min ${Math.min(...f.spans)}, max ${Math.max(...f.spans)} (target median ≤ 60)`,
  );
  console.log(
    `span edges inside a jieba word: ${f.edgesInsideWord} of ${f.edges} = ${pc(f.edgesInsideWord, f.edges)} (target ≤ 5 %)`,
  );
  console.log(`spans starting with a particle: ${f.particleStarts.length} ${f.particleStarts.slice(0, 5).join(' ')}`);
  console.log(`issue-11 fragments still listed: ${f.fragments.length} ${f.fragments.slice(0, 5).join(' ')}`);
  console.log('the 20 phrases listed in most reports (reports listing it · documents holding it):');
  for (const t of f.top)
    console.log(`  ${String(t.reports).padStart(2)} · ${String(t.docFreq).padStart(3)}  ${t.phrase}`);
  return f;
}

if (import.meta.url === `file://${process.argv[1]}`) await evalTifa();
