// `npm run bench:browser`: the built extension in Debian's Chromium (playwright-core), figures
// printed, nothing asserted. For 0 / 1,000 / 5,000 user speeches (generated here from the
// bundled corpus's paragraphs and written straight into the extension's IndexedDB):
//   - warm and cold page → highlights (cold: every service worker stopped first, over CDP); the
//     badge is set just before the answer that draws them;
//   - the worker's JS heap (after a forced GC) and the extension's storage use;
// then the longest main-thread task after load (Long Tasks API) on a 20,000-character speech
// page and on a 200,000-element page: the page itself is idle by then, so these are the content
// script's. After each size's pages, one lookup builds lookup's text: the worker heap then, also
// over the 0-document worker's once its own lookup text is built (the user's share), with and
// without array buffers, and warm pages again (the matcher reading that text). Needs `npm run build` first. BENCH_SIZES=0,1000 picks other corpus sizes;
// BENCH_ONLY=worker only the corpus sizes' pages, BENCH_ONLY=content only the content-script pages (20 k characters, 200 k elements, and a
// 5.7 M-character page of real reports repeated, with the page's JS heap after it; BENCH_BIG=0
// leaves that one out).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bundledDocs } from '../tests/fixtures/corpus';
import { contentTasks, startTrace, type TaskTime } from './bench-trace';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The built extension (BENCH_EXT: another build, e.g. an older commit's, to compare side by side). */
const EXT = process.env.BENCH_EXT ? resolve(process.env.BENCH_EXT) : join(ROOT, '.output/chrome-mv3');
const SIZES = (process.env.BENCH_SIZES ?? '0,1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY_CONTENT = process.env.BENCH_ONLY === 'content';
/** BENCH_ONLY=worker: the corpus sizes' pages only, no content-script pages. */
const ONLY_WORKER = process.env.BENCH_ONLY === 'worker';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** Smallest to largest, as a share of the median. */
const spread = (xs: number[]) =>
  `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms, ±${((100 * (Math.max(...xs) - Math.min(...xs))) / 2 / median(xs)).toFixed(0)} %`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Records every long task (buffered, so those before load count too) and the time the first
 *  highlight appears. */
const PROBE = `<script>
window.__long = []; window.__hl = null;
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });
(function poll() {
  if (window.CSS && CSS.highlights && CSS.highlights.size > 0) { window.__hl = performance.now(); return; }
  setTimeout(poll, 10);
})();
</script>`;

function speechPage(chars: number): string {
  const docs = bundledDocs().filter((d) => d.id.startsWith('reports/'));
  let text = '';
  for (const d of docs) {
    if (text.length >= chars) break;
    text += d.body.slice(0, chars - text.length);
  }
  const paras = text.split('\n').filter((p) => p.trim());
  return `<!doctype html><html><head><meta charset="utf-8"><title>在全市工作会议上的讲话</title>${PROBE}</head><body><article><h1>在全市工作会议上的讲话</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`;
}

function hugePage(elements: number): string {
  const speech = speechPage(8000).replace(/^.*<article>|<\/article>.*$/gs, '');
  const cell = '<span>导航</span>';
  const row = `<div>${cell.repeat(9)}</div>`; // 10 elements
  const rows = Math.floor((elements - 200) / 10);
  return `<!doctype html><html><head><meta charset="utf-8"><title>在全市工作会议上的讲话</title>${PROBE}</head><body><nav>${row.repeat(Math.floor(rows / 2))}</nav><article>${speech}</article><footer>${row.repeat(Math.ceil(rows / 2))}</footer></body></html>`;
}

/** A page of `chars` characters: the bundled reports repeated, one <p> per paragraph. */
function bigPage(chars: number): string {
  const paras = bundledDocs()
    .filter((d) => d.id.startsWith('reports/'))
    .flatMap((d) => d.body.split('\n').filter((p) => p.trim()));
  const out: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const p = paras[i % paras.length]!;
    out.push(`<p>${esc(p)}</p>`);
    n += p.length + 1;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>在全市工作会议上的讲话</title>${PROBE}</head><body><article><h1>在全市工作会议上的讲话</h1>${out.join('')}</article></body></html>`;
}

function serve(pages: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body ?? 'not found');
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

/** The extension page used to reach IndexedDB, CDP and the worker. */
async function extensionPage(ctx: BrowserContext): Promise<{ page: Page; id: string }> {
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 60_000 }));
  const id = worker.url().split('/')[2]!;
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${id}/sidepanel.html`);
  // tsx keeps function names with a __name helper that evaluated functions carry along.
  await page.evaluate('globalThis.__name = (f) => f');
  return { page, id };
}

/** Writes `n` user speeches (paragraphs of the bundled corpus, seeded) and lets the background
 *  index and persist them; returns their characters. */
async function seedUserCorpus(page: Page, n: number, pool: string[]): Promise<number> {
  return page.evaluate(
    async ({ n, pool }) => {
      const db = await new Promise<IDBDatabase>((ok, no) => {
        const r = indexedDB.open('suyuan');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const clear = db.transaction('docs', 'readwrite');
      clear.objectStore('docs').clear();
      await new Promise((ok) => (clear.oncomplete = ok));
      let seed = 12345;
      const rand = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
      let chars = 0;
      for (let i = 0; i < n; i += 200) {
        const tx = db.transaction('docs', 'readwrite');
        for (let j = i; j < Math.min(n, i + 200); j++) {
          let body = `第${j}号讲话\n`;
          while (body.length < 5000) body += pool[Math.floor(rand() * pool.length)] + '\n';
          chars += body.length;
          tx.objectStore('docs').put({ id: `user/bench-${j}.md`, title: `讲话${j}`, body, origin: 'user', addedAt: j });
        }
        await new Promise((ok) => (tx.oncomplete = ok));
      }
      db.close();
      return chars;
    },
    { n, pool },
  );
}

/** Asks the background to take the stored corpus in, and waits until it answers with it loaded
 *  and (with user documents) its index persisted. */
async function settleIndex(page: Page, n: number): Promise<number> {
  const t0 = await page.evaluate(() => Date.now());
  const started = Date.now();
  const call = (method: string) =>
    page.evaluate(
      (m) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ __suyuan: 'service', method: m, args: [] }),
      method,
    );
  await call('corpusRestored');
  await call('listDocs');
  while (n > 0) {
    const saved = await page.evaluate(
      () =>
        new Promise<number>((ok) => {
          const r = indexedDB.open('suyuan');
          r.onsuccess = () => {
            const g = r.result.transaction('index').objectStore('index').get('engine');
            g.onsuccess = () => {
              r.result.close();
              ok((g.result as { savedAt?: number } | undefined)?.savedAt ?? 0);
            };
          };
        }),
    );
    if (saved > t0) break;
    if (Date.now() - started > 600_000) throw new Error('the index was not persisted within 10 minutes');
    await sleep(500);
  }
  return Date.now() - started;
}

/** One phrase lookup through the service, in ms. */
async function lookupOnce(page: Page): Promise<number> {
  const t = Date.now();
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ __suyuan: 'service', method: 'lookup', args: ['高质量发展', 5] }),
  );
  return Date.now() - t;
}

async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await sleep(300);
}

interface PageRun {
  /** Navigation → first highlight, ms (NaN if none appeared). */
  ms: number;
  /** Long tasks that started after the document was parsed (DOMContentLoaded's end): the page
   *  itself runs no script, so with the extension these are the content script's and the
   *  rendering it causes, plus the page's own first layout (see the run without the extension). */
  tasks: number[];
  /** The page renderer's JS heap after a forced GC (every world: the page's and the content script's). */
  heap: number;
  /** From a trace (if asked for): the content script's tasks and the rendering after it. */
  traced?: { script: TaskTime[]; render: TaskTime[] };
}

/** Loads `url` in a new tab, waits for highlights (if `highlights`) and `settleMs`, and reads the probe. */
async function pageRun(
  ctx: BrowserContext,
  url: string,
  settleMs = 1500,
  highlights = true,
  trace = false,
): Promise<PageRun> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const stopTrace = trace ? await startTrace(cdp) : null;
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Polled over CDP in the page's own world: Playwright's waitForFunction injects a script whose
  // first run is itself a long task (~70 ms under load), which would be counted as ours.
  let ms = NaN;
  for (const until = Date.now() + 120_000; highlights && Date.now() < until; await sleep(50)) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__hl', returnByValue: true });
    if (typeof result.value === 'number') {
      ms = result.value;
      break;
    }
  }
  // Work after the answer (applying highlights) shows up as tasks too.
  await sleep(settleMs);
  const tasks = (
    await cdp.send('Runtime.evaluate', {
      expression: `(() => {
        const parsed = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0;
        return window.__long.filter(([start]) => start >= parsed).map(([, d]) => Math.round(d));
      })()`,
      returnByValue: true,
    })
  ).result.value as number[];
  const traced = stopTrace ? contentTasks(await stopTrace(), '/content-scripts/content.js') : undefined;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.detach();
  await page.close();
  return { ms, tasks, heap, traced };
}

/** Navigation → first highlight, in ms, read from the page's own clock. */
async function pageToHighlights(ctx: BrowserContext, url: string, settleMs = 1500): Promise<{ ms: number }> {
  return pageRun(ctx, url, settleMs);
}

/** A CDP session on the extension's service worker (null when none runs). */
async function workerSession(
  ctx: BrowserContext,
  via: Page,
  id: string,
): Promise<{
  call(method: string, params?: object): Promise<{ result?: Record<string, unknown> }>;
  detach(): Promise<void>;
} | null> {
  const cdp = await ctx.newCDPSession(via);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`));
  if (!sw) {
    await cdp.detach();
    return null;
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (v: { result?: Record<string, unknown> }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  return {
    async call(method, params = {}) {
      const msgId = ++next;
      const reply = new Promise<{ result?: Record<string, unknown> }>((ok) => waiting.set(msgId, ok));
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: msgId, method, params }),
      });
      return reply;
    },
    detach: () => cdp.detach(),
  };
}

/** The worker's JS heap after a forced GC, and apart from it the backing stores of its array
 *  buffers (the typed arrays of the indexes), which the JS heap does not count. */
async function workerHeap(ctx: BrowserContext, via: Page, id: string): Promise<{ used: number; buffers: number }> {
  const sw = await workerSession(ctx, via, id);
  if (!sw) return { used: NaN, buffers: NaN };
  await sw.call('HeapProfiler.collectGarbage');
  const r = (await sw.call('Runtime.getHeapUsage')).result as { usedSize?: number; backingStorageSize?: number };
  await sw.detach();
  return { used: r?.usedSize ?? NaN, buffers: r?.backingStorageSize ?? NaN };
}

/** The array buffers' figure beside the heap's (per user-corpus character over the 0-document run). */
function arrayBuffers(b: number, b0: number, n: number, chars: number): string {
  const per = n > 0 ? `, ${((b - b0) / chars).toFixed(2)} bytes/char over 0 docs` : '';
  return `array buffers (not in the heap) ${(b / 1048576).toFixed(1)} MB${per}`;
}

const BIG_CHARS = 5_700_000;
const CONTENT_PAGES: [string, string][] = [
  ['20,000-character speech page', '/speech.html'],
  ['200,000-element page', '/huge.html'],
];
// BENCH_BIG=0 leaves the multi-megabyte page out (its parsing alone takes minutes under load).
if (process.env.BENCH_BIG !== '0')
  CONTENT_PAGES.push([`${(BIG_CHARS / 1e6).toFixed(1)} M-character page`, '/big.html']);

/** Loads of each content-script page (BENCH_CONTENT_RUNS, default 3). */
const CONTENT_RUNS = Number(process.env.BENCH_CONTENT_RUNS ?? 3);
const fmtTasks = (t: number[]) => (t.length === 0 ? 'none' : t.join('+'));

/** The content script's figures: long tasks after parsing (and the page heap) on each page, with the
 *  extension and, for comparison, in a browser without it (the page's own first layout and paint). */
async function contentFigures(ctx: BrowserContext, origin: string): Promise<void> {
  const bare = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const bareCtx = await bare.newContext();
  try {
    for (const [name, path] of CONTENT_PAGES) {
      const runs: PageRun[] = [];
      const without: PageRun[] = [];
      for (let r = 0; r < CONTENT_RUNS; r++) {
        runs.push(await pageRun(ctx, origin + path, 1500, true, true));
        without.push(await pageRun(bareCtx, origin + path, 1500, false));
      }
      const longest = runs.map((r) => Math.max(0, ...r.tasks));
      console.log(
        `longest main-thread task after parsing, ${name}: ${longest.map((x) => (x === 0 ? '<50' : String(x))).join(' / ')} ms (${CONTENT_RUNS} runs; Long Tasks API, tasks over 50 ms)`,
      );
      console.log(
        `      long tasks with the extension: ${runs.map((r) => fmtTasks(r.tasks)).join(' · ')} ms; without it: ${without.map((r) => fmtTasks(r.tasks)).join(' · ')} ms`,
      );
      const longestOf = (ts: TaskTime[], k: keyof TaskTime) => Math.max(0, ...ts.map((t) => t[k])).toFixed(0);
      const fmtTrace = (pick: 'script' | 'render') =>
        runs.map((r) => `${longestOf(r.traced![pick], 'wall')}/${longestOf(r.traced![pick], 'cpu')}`).join(' · ');
      console.log(
        `      from a trace, longest content-script task, wall/CPU ms: ${fmtTrace('script')}; longest rendering task after it: ${fmtTrace('render')}`,
      );
      const mb = (xs: PageRun[]) => (median(xs.map((r) => r.heap)) / 1048576).toFixed(1);
      console.log(
        `      page → highlights ${median(runs.map((r) => r.ms)).toFixed(0)} ms; page JS heap after GC ${mb(runs)} MB with the extension, ${mb(without)} MB without`,
      );
    }
  } finally {
    await bare.close();
  }
}

/** The worker's performance marks (extension/background/marks.ts), ms since the worker started;
 *  the k-th body read of a page is `page:read<k>` (its count of bodies in `page:read<k>-docs`). */
async function workerMarks(ctx: BrowserContext, via: Page, id: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const sw = await workerSession(ctx, via, id);
  if (!sw) return out;
  const expression =
    "JSON.stringify(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('suyuan:')).map((m) => [m.name.slice(7), m.startTime]))";
  const r = await sw.call('Runtime.evaluate', { expression, returnByValue: true });
  await sw.detach();
  const value = (r.result?.result as { value?: string } | undefined)?.value;
  let reads = 0;
  for (const [name, at] of JSON.parse(value ?? '[]') as [string, number][]) {
    const read = /^page:read-(\d+)$/.exec(name);
    if (!read) {
      out.set(name, at);
      continue;
    }
    out.set(`page:read${++reads}`, at);
    out.set(`page:read${reads}-docs`, Number(read[1]));
  }
  return out;
}

/** Median of each mark over runs, in the order of the first run (missing in some runs: noted). */
function markSummary(runs: Map<string, number>[]): string {
  const names = [...new Set(runs.flatMap((r) => [...r.keys()]))];
  return names
    .map((n) => {
      const xs = runs.flatMap((r) => (r.has(n) ? [r.get(n)!] : []));
      const part = xs.length < runs.length ? ` (${xs.length}/${runs.length} runs)` : '';
      return n.endsWith('-docs') ? `${n} ${median(xs)}${part}` : `${n} ${median(xs).toFixed(0)}${part}`;
    })
    .join(' · ');
}

async function main(): Promise<void> {
  if (!existsSync(join(EXT, 'manifest.json')))
    throw new Error('No build in .output/chrome-mv3: run npm run build first');
  const scratch = mkdtempSync(join(tmpdir(), 'suyuan-bench-'));
  const ext = join(scratch, 'ext');
  cpSync(EXT, ext, { recursive: true });
  const { server, origin } = await serve({
    '/speech.html': speechPage(20_000),
    '/huge.html': hugePage(200_000),
    '/big.html': bigPage(BIG_CHARS),
  });
  const ctx = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const { page, id } = await extensionPage(ctx);
    const pool = bundledDocs().flatMap((d) => d.body.split('\n').filter((p) => p.trim().length > 20));
    console.log(
      `bench:browser — ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(`Chromium ${ctx.browser()?.version() ?? '(persistent context)'}; medians of ${RUNS} runs\n`);
    if (ONLY_CONTENT) await settleIndex(page, 0);
    let heap0 = NaN;
    let buffers0 = NaN;
    let heapL0 = NaN;
    let buffersL0 = NaN;
    for (const n of ONLY_CONTENT ? [] : SIZES) {
      const chars = await seedUserCorpus(page, n, pool);
      const indexMs = await settleIndex(page, n);
      const warm: number[] = [];
      const cold: number[] = [];
      await pageToHighlights(ctx, `${origin}/speech.html`); // first load after indexing, not counted
      const warmMarks: Map<string, number>[] = [];
      for (let r = 0; r < RUNS; r++) {
        warm.push((await pageToHighlights(ctx, `${origin}/speech.html`, 300)).ms);
        const m = await workerMarks(ctx, page, id);
        const at = m.get('page:request') ?? 0;
        warmMarks.push(
          new Map([...m].filter(([k]) => k.startsWith('page:')).map(([k, v]) => [k, k.endsWith('-docs') ? v : v - at])),
        );
      }
      const coldMarks: Map<string, number>[] = [];
      for (let r = 0; r < RUNS; r++) {
        await stopWorkers(page);
        cold.push((await pageToHighlights(ctx, `${origin}/speech.html`, 0)).ms);
        coldMarks.push(await workerMarks(ctx, page, id));
      }
      // The heap of a worker that started, restored the index and answered one page (lookup not
      // yet prepared: that waits for 1.5 s of quiet).
      const { used: heap, buffers } = await workerHeap(ctx, page, id);
      if (n === 0) {
        heap0 = heap;
        buffers0 = buffers;
      }
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      const perChar =
        n > 0 ? `, ${((heap - heap0) / chars).toFixed(2)} bytes per user-corpus character over 0 docs` : '';
      console.log(
        `${String(n).padStart(5)} user speeches (${(chars / 1e6).toFixed(1)} M chars, indexed+persisted in ${(indexMs / 1000).toFixed(1)} s): ` +
          `warm ${median(warm).toFixed(0)} ms, cold ${median(cold).toFixed(0)} ms (cold/warm ${(median(cold) / median(warm)).toFixed(2)}); ` +
          `worker heap ${(heap / 1048576).toFixed(1)} MB${perChar}; ${arrayBuffers(buffers, buffers0, n, chars)}; extension storage ${(usage / 1048576).toFixed(1)} MB`,
      );
      console.log(
        `      runs: warm ${warm.map((x) => x.toFixed(0)).join(' ')} · cold ${cold.map((x) => x.toFixed(0)).join(' ')} ` +
          `(spread: warm ${spread(warm)}, cold ${spread(cold)})`,
      );
      console.log(`      warm worker, ms since the page's request (medians): ${markSummary(warmMarks)}`);
      console.log(`      cold worker, ms since it started (medians): ${markSummary(coldMarks)}`);
      // The same worker once lookup's text is built (a lookup builds it if idle time has not): it
      // holds the normalised text of the whole corpus, which lazy bodies do not avoid.
      const lookupMs = await lookupOnce(page);
      const { used: heapL, buffers: buffersL } = await workerHeap(ctx, page, id);
      if (n === 0) {
        heapL0 = heapL;
        buffersL0 = buffersL;
      }
      const perCharL = n > 0 ? `, ${((heapL - heap0) / chars).toFixed(2)} bytes/char over 0 docs` : '';
      console.log(
        `      after lookup's text is built (first lookup ${lookupMs} ms): worker heap ${(heapL / 1048576).toFixed(1)} MB${perCharL}; ${arrayBuffers(buffersL, buffers0, n, chars)}`,
      );
      // The user's share: over the 0-document worker once ITS lookup text is built (the bundled
      // corpus's own text is not the user's), heap alone and heap + array buffers (the whole).
      const fair = (x: number) => (n > 0 ? `, ${(x / chars).toFixed(2)} bytes/char over 0 docs after lookup` : '');
      console.log(
        `      heap ${(heapL / 1048576).toFixed(1)} MB${fair(heapL - heapL0)}; heap + array buffers ${((heapL + buffersL) / 1048576).toFixed(1)} MB${fair(heapL + buffersL - heapL0 - buffersL0)}`,
      );
      // Pages once lookup's text is built: the matcher then reads the aligned documents' texts out of it.
      const warmL: number[] = [];
      for (let r = 0; r < RUNS; r++) warmL.push((await pageToHighlights(ctx, `${origin}/speech.html`, 300)).ms);
      const { used: heapW } = await workerHeap(ctx, page, id);
      console.log(
        `      warm page after lookup's text is built ${median(warmL).toFixed(0)} ms (runs ${warmL.map((x) => x.toFixed(0)).join(' ')}; spread ${spread(warmL)}); worker heap after them ${(heapW / 1048576).toFixed(1)} MB`,
      );
    }
    if (!ONLY_WORKER) await contentFigures(ctx, origin);
  } finally {
    await ctx.close();
    server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
