// Speed and memory of the engine on synthetic corpora (fixed seed), with peers measured in the
// same run: an indexOf scan over every document (lookup), diff-match-patch over the top
// candidate (alignment) and FlexSearch (lookup, with its recall against the scan).
import os from 'node:os';
import DiffMatchPatch from 'diff-match-patch';
import FlexSearch from 'flexsearch';
import { createEngine, restoreEngine } from '../core/engine';
import type { CorpusDoc } from '../core/model/types';
import { rng, type Rng } from '../tests/fixtures/rng';
import { lightEdit } from '../tests/fixtures/reuse-cases';
import { loadShared } from '../tests/fixtures/shared';
import { paragraphPool, splicedDoc, syntheticCorpus } from './lib/synthetic-corpus';

const SEED = 7_2026;
/** Timed runs per page and per phrase (median kept); BENCH_REPEAT=1 gives single-shot figures. */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 5));
/** BENCH_PACKED=1: lookup's text packed, as the extension's worker keeps it (packLookupText). */
const PACKED = process.env.BENCH_PACKED === '1';
const FORMULA = [
  '以习近平同志为核心的党中央',
  '习近平新时代中国特色社会主义思想',
  '高质量发展',
  '全面深化改革',
  '坚持以人民为中心',
  '各位代表',
  '实事求是',
  '中国式现代化',
  '统筹发展和安全',
  '新发展理念',
  '全面从严治党',
  '改革开放',
  '人民群众',
  '经济社会发展',
  '党的二十大精神',
  '稳中求进工作总基调',
];

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (b: number): string => (b / 1048576).toFixed(0) + ' MB';
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
const loadavg = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const ms = (x: number): string => x.toFixed(2).padStart(8) + ' ms';

function phrases(r: Rng, docs: CorpusDoc[], n: number): string[] {
  const out: string[] = [...FORMULA];
  while (out.length < n) {
    const d = r.pick(docs).body;
    const len = r.int(5, 30);
    const at = r.int(0, Math.max(0, d.length - len));
    const q = d.slice(at, at + len);
    if (!/\s/.test(q)) out.push(q);
  }
  return out;
}

function countScan(docs: CorpusDoc[], q: string): { total: number; docs: Set<number> } {
  let total = 0;
  const hit = new Set<number>();
  for (let i = 0; i < docs.length; i++) {
    const b = docs[i]!.body;
    for (let at = b.indexOf(q); at >= 0; at = b.indexOf(q, at + 1)) {
      total++;
      hit.add(i);
    }
  }
  return { total, docs: hit };
}

async function benchSize(size: number, pool: string[]): Promise<void> {
  const r = rng(SEED + size);
  const docs = syntheticCorpus(r, pool, size);
  const chars = docs.reduce((a, d) => a + d.body.length, 0);
  gc();
  const heap0 = process.memoryUsage();
  let t = performance.now();
  const cpu0 = process.cpuUsage();
  const engine = createEngine(docs);
  if (PACKED) {
    engine.packLookupText();
    engine.prepare();
  }
  const buildMs = performance.now() - t;
  const buildCpu = cpuMs(cpu0);
  gc();
  const heap1 = process.memoryUsage();
  const idxBytes = engine.indexBytes();
  console.log(`\n== ${size} speeches, ${(chars / 1e6).toFixed(1)} M chars${PACKED ? ', lookup text packed' : ''}`);
  console.log(
    `index build          ${(buildMs / 1000).toFixed(2)} s wall, ${(buildCpu / 1000).toFixed(2)} s CPU   (load average ${loadavg()})`,
  );
  console.log(`index typed arrays   ${mb(idxBytes)}  = ${(idxBytes / chars).toFixed(3)} bytes per corpus char`);
  console.log(
    '  by part            ' +
      Object.entries(engine.indexParts())
        .map(([k, v]) => `${k} ${(v / chars).toFixed(3)}`)
        .join(', '),
  );
  console.log(
    `heap after build     ${mb(heap1.heapUsed + heap1.arrayBuffers)} (grew ${mb(heap1.heapUsed + heap1.arrayBuffers - heap0.heapUsed - heap0.arrayBuffers)}; corpus strings included)`,
  );
  t = performance.now();
  const snap = JSON.stringify(engine.snapshot());
  console.log(`snapshot             ${mb(snap.length)} JSON, ${(performance.now() - t).toFixed(0)} ms to write`);
  t = performance.now();
  const restored = restoreEngine(docs, JSON.parse(snap));
  const restoreMs = performance.now() - t;
  t = performance.now();
  restored.match(docs[0]!.body);
  console.log(
    `snapshot restore     ${restoreMs.toFixed(0)} ms (parse + checksums + decode), first match after it ${(performance.now() - t).toFixed(0)} ms`,
  );

  // Match: 10,000-character pages, each two corpus speeches lightly edited, then one novel part.
  const pages: string[] = [];
  for (let i = 0; i < 30; i++) {
    const a = lightEdit(r, r.pick(docs).body.slice(0, 4000));
    const b = lightEdit(r, r.pick(docs).body.slice(0, 3500));
    pages.push((a + '\n' + b + '\n' + splicedDoc(r, pool, 2500)).slice(0, 10000));
  }
  for (const p of pages.slice(0, 3)) engine.match(p);
  const matchTimes: number[] = [];
  const matchCpu: number[] = [];
  const tops: string[] = [];
  // Each page is matched REPEAT times and its median kept: the machine is shared, and one
  // descheduling would otherwise decide a percentile of 30 samples.
  for (const p of pages) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let res = engine.match(p);
    for (let k = 0; k < REPEAT; k++) {
      t = performance.now();
      const c0 = process.cpuUsage();
      res = engine.match(p);
      wall.push(performance.now() - t);
      cpu.push(cpuMs(c0));
    }
    matchTimes.push(pct(wall, 0.5));
    matchCpu.push(pct(cpu, 0.5));
    tops.push(res.candidates[0]?.id ?? '');
  }
  console.log(
    `match 10k-char page  p50 ${ms(pct(matchTimes, 0.5))}   p95 ${ms(pct(matchTimes, 0.95))}   (${pages.length} pages, median of ${REPEAT} runs each)`,
  );
  console.log(
    `  CPU time           p50 ${ms(pct(matchCpu, 0.5))}   p95 ${ms(pct(matchCpu, 0.95))}   (load average ${loadavg()})`,
  );

  // 提法 (boilerplate spans: whole phrases grown against lookup's text) and the whole analysis the
  // extension asks for a page (match + 提法 + evidence), on the same pages. No answer is kept
  // between calls, so the repeats cost what the first call does.
  for (const [label, run] of [
    ['提法 (boilerplate)', (p: string) => engine.boilerplate(p)],
    ['analyse (both)', (p: string) => engine.analyse(p)],
  ] as const) {
    const cpu: number[] = [];
    const spans: number[] = [];
    for (const p of pages) {
      const each: number[] = [];
      for (let k = 0; k < REPEAT; k++) {
        const c0 = process.cpuUsage();
        const res = run(p);
        each.push(cpuMs(c0));
        if (k === 0) spans.push(Array.isArray(res) ? res.length : res.boilerplate.length);
      }
      cpu.push(pct(each, 0.5));
    }
    console.log(
      `${label.padEnd(20)} CPU p50 ${ms(pct(cpu, 0.5))}   p95 ${ms(pct(cpu, 0.95))}   (${pct(spans, 0.5)} spans per page, median; load average ${loadavg()})`,
    );
  }

  // Peer: diff-match-patch character diff of the page against its top candidate.
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const dmpTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const doc = engine.get(tops[i]!);
    if (!doc) continue;
    t = performance.now();
    dmp.diff_main(doc.body, pages[i]!, false);
    dmpTimes.push(performance.now() - t);
  }
  if (dmpTimes.length)
    console.log(
      `peer dmp char diff vs top candidate  p50 ${ms(pct(dmpTimes, 0.5))}   (${dmpTimes.length} pages, one doc each)`,
    );

  // Lookup: formula and rare phrases of 5–30 characters.
  const qs = phrases(r, docs, 80);
  for (const q of qs.slice(0, 5)) engine.lookup(q);
  const lookTimes: number[] = [];
  const lookCpu: number[] = [];
  const scanTimes: number[] = [];
  let agree = 0;
  const scanDocs: Set<number>[] = [];
  for (const q of qs) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let res = engine.lookup(q, { limit: 20 });
    for (let k = 0; k < REPEAT; k++) {
      t = performance.now();
      const c0 = process.cpuUsage();
      res = engine.lookup(q, { limit: 20 });
      wall.push(performance.now() - t);
      cpu.push(cpuMs(c0));
    }
    lookTimes.push(pct(wall, 0.5));
    lookCpu.push(pct(cpu, 0.5));
    t = performance.now();
    const scan = countScan(docs, q);
    scanTimes.push(performance.now() - t);
    scanDocs.push(scan.docs);
    if (scan.total === res.total) agree++;
  }
  console.log(
    `lookup (engine)      p50 ${ms(pct(lookTimes, 0.5))}   p95 ${ms(pct(lookTimes, 0.95))}   median of ${REPEAT} runs each; totals equal to scan on ${agree}/${qs.length} phrases (scan is raw indexOf, engine is normalised)`,
  );
  const nf = FORMULA.length;
  console.log(
    `  CPU time           p50 ${ms(pct(lookCpu, 0.5))}   p95 ${ms(pct(lookCpu, 0.95))}   (load average ${loadavg()})`,
  );
  console.log(
    `  formula phrases    p50 ${ms(pct(lookTimes.slice(0, nf), 0.5))}   p95 ${ms(pct(lookTimes.slice(0, nf), 0.95))}   (${nf})`,
  );
  console.log(
    `  sampled phrases    p50 ${ms(pct(lookTimes.slice(nf), 0.5))}   p95 ${ms(pct(lookTimes.slice(nf), 0.95))}   (${qs.length - nf})`,
  );
  console.log(`peer indexOf scan    p50 ${ms(pct(scanTimes, 0.5))}   p95 ${ms(pct(scanTimes, 0.95))}`);

  // Peer: FlexSearch (CJK), on at most 2,000 documents (its index costs ~20 bytes a char).
  const fsDocs = docs.slice(0, Math.min(docs.length, 2000));
  gc();
  const f0 = process.memoryUsage().heapUsed;
  t = performance.now();
  const fx = new FlexSearch.Index({ encoder: FlexSearch.Charset.CJK });
  fsDocs.forEach((d, i) => fx.add(i, d.body));
  const fsBuild = performance.now() - t;
  gc();
  const fsHeap = process.memoryUsage().heapUsed - f0;
  const fsTimes: number[] = [];
  let want = 0;
  let got = 0;
  for (let qi = 0; qi < qs.length; qi++) {
    t = performance.now();
    const ids = fx.search(qs[qi]!, { limit: 100000 }) as number[];
    fsTimes.push(performance.now() - t);
    const truth = [...scanDocs[qi]!].filter((d) => d < fsDocs.length);
    const set = new Set(ids);
    want += truth.length;
    got += truth.filter((d) => set.has(d)).length;
  }
  console.log(
    `peer FlexSearch      p50 ${ms(pct(fsTimes, 0.5))}   p95 ${ms(pct(fsTimes, 0.95))}   doc recall vs scan ${((100 * got) / Math.max(1, want)).toFixed(1)} %  ` +
      `(${fsDocs.length} docs, build ${(fsBuild / 1000).toFixed(1)} s, ~${(fsHeap / fsDocs.reduce((a, d) => a + d.body.length, 0)).toFixed(1)} heap bytes/char)`,
  );
}

export async function benchEngine(opts?: { sizes?: number[] }): Promise<void> {
  const sizes = opts?.sizes ?? [300, 10_000];
  const pool = paragraphPool([
    ...loadShared('corpus-external'),
    ...loadShared('seeds'),
    ...loadShared('corpus-negative'),
  ]);
  console.log(
    `engine bench: ${pool.length} source paragraphs, seed ${SEED}${(globalThis as { gc?: unknown }).gc ? '' : ' (run node with --expose-gc for steadier heap figures)'}`,
  );
  for (const s of sizes) await benchSize(s, pool);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  await benchEngine(sizes.length ? { sizes } : undefined);
}
