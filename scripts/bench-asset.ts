// `npm run bench -- asset`: the built extension's bundled-corpus asset (.output/chrome-mv3/corpus.bin):
// its size, and a cold restore as the background does it after a worker start (read, decode the
// binary container and bodies, restoreEngine; then prepare for lookup, and the first match). Each run is a fresh Node
// process, so nothing is warm from an earlier run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

// SUYUAN_ASSET=<file> measures another build's asset (e.g. one saved before a corpus change).
const ASSET = process.env.SUYUAN_ASSET ?? fileURLToPath(new URL('../.output/chrome-mv3/corpus.bin', import.meta.url));
const RUNS = 5;

interface Once {
  parseMs: number;
  restoreMs: number;
  prepareMs: number;
  firstMatchMs: number;
  docs: number;
  chars: number;
}

async function once(): Promise<Once> {
  const [{ parseCorpusAsset }, { restoreEngine }] = await Promise.all([
    import('../extension/corpus-asset'),
    import('../core/engine'),
  ]);
  const t0 = performance.now();
  const asset = parseCorpusAsset(new Uint8Array(readFileSync(ASSET)));
  const t1 = performance.now();
  const engine = restoreEngine(asset.docs, asset.snapshot);
  const t2 = performance.now();
  engine.prepare();
  const t3 = performance.now();
  // A page quoting a bundled report, present in every build of the corpus.
  const page = asset.docs.find((d) => d.id === 'reports/gwr-2025.md')?.body.slice(0, 5000) ?? '';
  engine.match(page);
  const t4 = performance.now();
  const chars = asset.docs.reduce((n, d) => n + d.body.length, 0);
  return {
    parseMs: t1 - t0,
    restoreMs: t2 - t1,
    prepareMs: t3 - t2,
    firstMatchMs: t4 - t3,
    docs: asset.docs.length,
    chars,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchAsset(): void {
  if (!existsSync(ASSET)) {
    console.log(`asset: ${ASSET} is missing; run npm run build first`);
    return;
  }
  const bytes = statSync(ASSET).size;
  const gz = gzipSync(readFileSync(ASSET)).length;
  const runs: Once[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--once'], {
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as Once);
  }
  const f = (k: keyof Once) => `${median(runs.map((r) => r[k])).toFixed(0)} ms`;
  console.log(`\n== bundled corpus asset (${runs[0]!.docs} documents, ${(runs[0]!.chars / 1e6).toFixed(2)} M chars)`);
  console.log(
    `size: ${(bytes / 1024 / 1024).toFixed(2)} MiB binary (${(gz / 1024 / 1024).toFixed(2)} MiB gzipped, as in the store zip)`,
  );
  console.log(
    `cold restore, median of ${RUNS} fresh processes: decode+check ${f('parseMs')}, restoreEngine ${f('restoreMs')}`,
  );
  console.log(`  then prepare (lookup) ${f('prepareMs')}, first match of a 5,000-char page ${f('firstMatchMs')}`);
}

if (process.argv.includes('--once')) console.log(JSON.stringify(await once()));
