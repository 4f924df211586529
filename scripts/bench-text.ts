// Speed of the text core on real text: normalisation (cold and warm), the Traditional→Simplified
// converter's creation, script detection, and decoding of 100 KB legacy-encoded files.
// Run alone with `npx tsx scripts/bench-text.ts`, or through `npm run bench -- text`.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';

import { readSet } from '../tests/fixtures/shared';

function bodies(source: string): string {
  return readSet('corpus-external')
    .filter((t) => t.group === source)
    .map((t) => t.body)
    .join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall-clock median and min, and mean CPU time per run (the machine may be shared: CPU time
 *  shows what the code costs when wall time is inflated by other processes). */
function timeRuns(runs: number, fn: () => void): { median: number; min: number; cpu: number } {
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  return { median: median(times), min: Math.min(...times), cpu: (c.user + c.system) / 1000 / runs };
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

export async function benchText(): Promise<void> {
  console.log('## text core');
  const simplified = bodies('cn-gov-work-reports');
  const traditional = bodies('hk-legco-hansard-2013');
  const s20k = simplified.slice(100_000, 120_000);
  const t20k = traditional.slice(100_000, 120_000);

  // Cold: the module import parses the dictionaries, the first call builds the tries.
  let t0 = performance.now();
  const text = await import('../core/text/normalize');
  const importMs = performance.now() - t0;
  t0 = performance.now();
  text.preloadConverter();
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  text.normalize(s20k);
  const firstMs = performance.now() - t0;
  console.log(`import core/text/normalize (dictionaries): ${ms(importMs)}`);
  console.log(`T→S converter creation (our tries): ${ms(buildMs)}`);
  console.log(`first normalize, 20,000 chars (after preload, JIT cold): ${ms(firstMs)}`);

  const { Converter } = await import('opencc-js/t2cn');
  t0 = performance.now();
  const opencc = Converter({ from: 'tw', to: 'cn' });
  console.log(`opencc-js t2cn Converter({from:'tw',to:'cn'}) creation, for comparison: ${ms(performance.now() - t0)}`);

  for (const [name, sample] of [
    ['Simplified (gov work reports)', s20k],
    ['Traditional (HK hansard)', t20k],
  ] as const) {
    const warm = timeRuns(50, () => text.normalize(sample));
    const raw = timeRuns(50, () => opencc(sample));
    console.log(
      `normalize 20,000 chars ${name}, warm: median ${ms(warm.median)}, min ${ms(warm.min)}, cpu ${ms(warm.cpu)} ` +
        `(opencc-js tw→cn alone on the same text: ${ms(raw.median)})`,
    );
  }
  const big = simplified.slice(0, 1_000_000);
  const bigRun = timeRuns(5, () => text.normalize(big));
  console.log(
    `normalize 1,000,000 chars Simplified: median ${ms(bigRun.median)}, cpu ${ms(bigRun.cpu)} ` +
      `(${(((big.length / bigRun.median) * 1000) / 1e6).toFixed(1)} M chars/s wall)`,
  );

  const { detectScript } = await import('../core/text/script');
  const det = timeRuns(50, () => detectScript(s20k));
  console.log(`detectScript 20,000 chars: median ${ms(det.median)}`);

  const { decodeBytes } = await import('../core/decode/decode');
  const gbk = new Uint8Array(iconv.encode(simplified.slice(0, 50_000), 'gbk'));
  const big5 = new Uint8Array(iconv.encode(traditional.slice(0, 50_000), 'big5'));
  const utf8 = new TextEncoder().encode(simplified.slice(0, 34_000));
  for (const [name, bytes] of [
    ['GBK', gbk],
    ['Big5', big5],
    ['UTF-8', utf8],
  ] as const) {
    let encoding = '';
    const r = timeRuns(20, () => {
      encoding = decodeBytes(bytes).encoding;
    });
    console.log(
      `decodeBytes ${(bytes.length / 1024).toFixed(0)} KB ${name} → ${encoding}: median ${ms(r.median)}, cpu ${ms(r.cpu)}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchText();
