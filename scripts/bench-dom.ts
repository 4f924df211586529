// Speed of live-DOM extraction in a real browser, printed (not a test: figures, no thresholds):
//   npx tsx scripts/bench-dom.ts [--baseline]
// Two pages of about 100,000 nodes built around 20,000 characters of real speeches: A puts 25,000
// menu items with plain class names before the speech (all of it must be walked); B puts 30,000
// related links inside the speech's own box. from-dom.ts is bundled with esbuild as the content
// script would carry it and run in Debian's headless Chromium. --baseline also runs the version
// of the extract folder in git HEAD, for a before/after on the same machine and moment.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { speechOf } from '../tests/fixtures/shared';
import { wrapInChrome } from '../tests/fixtures/pages/wrap-in-chrome';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 25;

function pages(): Record<string, string> {
  const speech = speechOf(20_000);
  const menu = Array.from(
    { length: 25_000 },
    (_, i) => `<li class="item"><a href="/n/${i}"><span>栏目${i}</span></a></li>`,
  ).join('');
  const a = wrapInChrome('在全市工作会议上的讲话', speech, { seed: 1 }).replace(
    '<body class="has-sidebar">',
    `<body class="has-sidebar"><div class="col-list"><ul>${menu}</ul></div>`,
  );
  const links = Array.from(
    { length: 30_000 },
    (_, i) => `<li><a href="/r/${i}">相关链接：关于做好第${i}项工作的通知</a></li>`,
  ).join('');
  const b = wrapInChrome('在全市工作会议上的讲话', speech, { seed: 3, layout: 'p' }).replace(
    /(<div id="article-body">[\s\S]*?)(<\/div>\n<div class="share-box">)/,
    `$1<ul>${links}</ul>$2`,
  );
  return { 'A: 25,000 menu items before the speech': a, 'B: 30,000 related links in the speech box': b };
}

/** The extract folder as git HEAD has it, in a temporary directory. */
function baselineEntry(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suyuan-extract-head-'));
  for (const f of ['from-dom', 'blocks', 'junk', 'title']) {
    writeFileSync(join(dir, `${f}.ts`), execFileSync('git', ['show', `HEAD:core/extract/${f}.ts`], { cwd: REPO }));
  }
  return join(dir, 'from-dom.ts');
}

async function bundle(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: `import * as m from ${JSON.stringify(entry)}; (globalThis as any).X = m;`,
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

interface Figures {
  elements: number;
  chars: number;
  extract: number[];
  bare: number[];
  sliced?: { all: number[]; wall: number; slices: number; longestSlice: number; longTasks: number; same: boolean };
}

async function measure(html: string, code: string): Promise<Figures> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ content: code });
    return await page.evaluate(async (runs: number) => {
      type Dom = { text: string; title: string };
      const X = (globalThis as unknown as { X: Record<string, (d: Document, o?: object) => Dom | Promise<Dom>> }).X;
      const extract: number[] = [];
      const bare: number[] = [];
      let text = '';
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        text = (X.extractFromDocument!(document, { maxNodes: 1e9 }) as Dom).text;
        extract.push(performance.now() - t);
        // The floor any DOM extractor pays: a bare TreeWalker reading every text node.
        t = performance.now();
        const w = document.createTreeWalker(document.body, 0x1 | 0x4);
        let len = 0;
        for (let n = w.nextNode(); n !== null; n = w.nextNode()) if (n.nodeType === 3) len += (n as Text).data.length;
        bare.push(performance.now() - t + len * 0);
      }
      const out: Figures = { elements: document.getElementsByTagName('*').length, chars: text.length, extract, bare };
      if (X.extractFromDocumentSliced) {
        // Slice lengths: time between resuming and the next yield (scheduler.yield wrapped).
        const s = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
        const yieldOrig = s.yield.bind(s);
        const slices: number[] = [];
        let mark = 0;
        s.yield = () => {
          slices.push(performance.now() - mark);
          return yieldOrig().then(() => void (mark = performance.now()));
        };
        const long: number[] = [];
        const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration)));
        po.observe({ type: 'longtask' });
        mark = performance.now();
        const t = performance.now();
        const r = (await X.extractFromDocumentSliced!(document, { maxNodes: 1e9 })) as Dom;
        const wall = performance.now() - t;
        slices.push(performance.now() - mark);
        await new Promise((resolve) => setTimeout(resolve, 50));
        po.disconnect();
        s.yield = yieldOrig;
        out.sliced = {
          all: slices.map((x) => +x.toFixed(1)),
          wall,
          slices: slices.length,
          longestSlice: Math.max(...slices),
          longTasks: long.length,
          same: r.text === text,
        };
      }
      return out;
    }, RUNS);
  } finally {
    await browser.close();
  }
}

const q = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.round(p * (s.length - 1))]!.toFixed(1).padStart(6);
  return `min ${at(0)}  median ${at(0.5)}  p90 ${at(0.9)} ms`;
};

if (!existsSync(CHROMIUM)) {
  console.log(`no ${CHROMIUM}: nothing to measure`);
} else {
  const entries: [string, string][] = [['now', join(REPO, 'core/extract/from-dom.ts')]];
  if (process.argv.includes('--baseline')) entries.unshift(['HEAD', baselineEntry()]);
  for (const [name, html] of Object.entries(pages())) {
    console.log(`\n${name} (${(html.length / 1024).toFixed(0)} KiB of HTML), ${RUNS} runs each`);
    for (const [label, entry] of entries) {
      const f = await measure(html, await bundle(entry));
      console.log(
        `  ${label.padEnd(5)} extractFromDocument  ${q(f.extract)}   (${f.elements.toLocaleString()} elements, ${f.chars.toLocaleString()} chars out)`,
      );
      console.log(`  ${label.padEnd(5)} bare TreeWalker      ${q(f.bare)}   (the floor)`);
      if (f.sliced) {
        const s = f.sliced;
        console.log(
          `  ${label.padEnd(5)} sliced               wall ${s.wall.toFixed(1)} ms in ${s.slices} slices, longest ${s.longestSlice.toFixed(1)} ms, ${s.longTasks} long tasks (>50 ms), same text: ${s.same}`,
          s.all.join(' '),
        );
      }
    }
  }
}
