// Speed of the page-side pipeline, printed (`npx tsx scripts/bench-detect.ts`, or `npm run bench -- detect`):
// detect() on a 20,000-character speech (goal ≤ 5 ms), looksChinese() on an English page
// (goal ≤ 0.5 ms), extractFromHtml() on a large HTML page and extractFromDocument() on a
// ~100,000-node DOM (happy-dom here; a real browser is faster).
import { existsSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { Window } from 'happy-dom';
import { speechOf } from '../tests/fixtures/shared';
import { wrapInChrome } from '../tests/fixtures/pages/wrap-in-chrome';
import { detect } from '../core/detect/detect';
import { looksChinese } from '../core/detect/early-exit';
import { extractFromHtml } from '../core/extract/from-html';
import { extractFromDocument } from '../core/extract/from-dom';

function time(label: string, runs: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(3, runs); i++) fn(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const median = ms[ms.length >> 1]!;
  const p95 = ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]!;
  console.log(`${label.padEnd(52)} median ${median.toFixed(3).padStart(8)} ms   p95 ${p95.toFixed(3).padStart(8)} ms`);
  return median;
}

const ENGLISH_PAGE =
  'Home News Sport Business Technology Science Health Opinion Video Live ' +
  'The government announced on Tuesday a new set of measures intended to support small businesses '.repeat(30);

/** Adds ~`count` elements of chrome (menus, link lists) around the page so the DOM is huge. */
function bloat(html: string, count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count / 4; i++) items.push(`<li class="item"><a href="/n/${i}"><span>栏目${i}</span></a></li>`);
  // Plain class names, so the walk has to visit all of it (chrome names would be skipped whole).
  const menu = `<div class="col-list"><ul>${items.join('')}</ul></div>`;
  return html.replace('<body class="has-sidebar">', `<body class="has-sidebar">${menu}`);
}

export async function benchDetect(): Promise<void> {
  console.log('\nDetection and extraction speed');
  const page20k = speechOf(20_000);
  time(`detect() on a ${page20k.length.toLocaleString()}-char speech`, 50, () =>
    detect(page20k, '在全市工作会议上的讲话'),
  );
  time(`looksChinese() on an English page (${ENGLISH_PAGE.length} chars)`, 2000, () => looksChinese(ENGLISH_PAGE));
  time('looksChinese() on the Chinese 20k page', 2000, () => looksChinese(page20k));

  const html = bloat(wrapInChrome('在全市工作会议上的讲话', page20k, { seed: 1 }), 100_000);
  time(`extractFromHtml() on ${(html.length / 1024).toFixed(0)} KiB of HTML`, 10, () => extractFromHtml(html));

  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.write(html);
  const nodes = doc.getElementsByTagName('*').length;
  time(`extractFromDocument() on ${nodes.toLocaleString()} elements (happy-dom)`, 5, () => extractFromDocument(doc));
  time('extractFromDocument() with maxNodes 20,000', 5, () => extractFromDocument(doc, { maxNodes: 20_000 }));
  const r = extractFromDocument(doc);
  const capped = extractFromDocument(doc, { maxNodes: 20_000 });
  console.log(
    `  extracted ${r.text.length.toLocaleString()} chars of ${page20k.length.toLocaleString()} (title: ${r.title}); with maxNodes 20,000: ${capped.text.length.toLocaleString()} chars`,
  );
  await window.happyDOM.close();
  await benchInChromium(html);
}

/** The content-script path in a real browser: from-dom bundled as the extension would bundle it,
 *  run on the same page in Debian's headless Chromium (skipped when it is not installed). */
async function benchInChromium(html: string): Promise<void> {
  const executablePath = '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log('  (no /usr/bin/chromium: browser figures skipped)');
    return;
  }
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const bundle = await build({
    stdin: {
      contents:
        "import { extractFromDocument } from './core/extract/from-dom'; (globalThis as any).extractFromDocument = extractFromDocument;",
      resolveDir: fileURLToPath(new NodeURL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  const code = bundle.outputFiles[0]!.text;
  console.log(
    `  from-dom bundle (what the content script carries for extraction): ${(code.length / 1024).toFixed(1)} KiB minified`,
  );
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ content: code });
    const figures = await page.evaluate(() => {
      const run = (globalThis as unknown as { extractFromDocument: typeof extractFromDocument }).extractFromDocument;
      const nodes = document.getElementsByTagName('*').length;
      const ms: number[] = [];
      let chars = 0;
      for (let i = 0; i < 12; i++) {
        const t = performance.now();
        chars = run(document).text.length;
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      // The floor any DOM extractor pays: a bare TreeWalker reading every text node.
      const bare: number[] = [];
      for (let i = 0; i < 12; i++) {
        const t = performance.now();
        const w = document.createTreeWalker(document.body, 0x1 | 0x4);
        let len = 0;
        for (let n = w.nextNode(); n !== null; n = w.nextNode()) if (n.nodeType === 3) len += (n as Text).data.length;
        bare.push(performance.now() - t + len * 0);
      }
      bare.sort((a, b) => a - b);
      return { nodes, median: ms[6]!, max: ms[11]!, chars, bare: bare[6]! };
    });
    console.log(
      `${`extractFromDocument() on ${figures.nodes.toLocaleString()} elements (Chromium)`.padEnd(52)} median ${figures.median.toFixed(3).padStart(8)} ms   max ${figures.max.toFixed(3).padStart(8)} ms   (${figures.chars.toLocaleString()} chars)`,
    );
    console.log(
      `${'  bare TreeWalker over the same page (the floor)'.padEnd(52)} median ${figures.bare.toFixed(3).padStart(8)} ms`,
    );
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDetect();
