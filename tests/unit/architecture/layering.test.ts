// The layers point one way: core/ is the pure engine (no browser, no Node), the extension and the CLI
// build on it, the panel's components build on core/ and extension/, and entrypoints/ only wire
// things up. This reads every source file's imports, so a backwards import fails here, not in review.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const LAYERS = ['core', 'extension', 'components', 'cli', 'entrypoints'] as const;
type Layer = (typeof LAYERS)[number];

/** Which layers each layer must not import. */
const FORBIDDEN: Record<Layer, Layer[]> = {
  core: ['extension', 'components', 'cli', 'entrypoints'],
  extension: ['components', 'cli', 'entrypoints'],
  components: ['cli', 'entrypoints'],
  cli: ['extension', 'components', 'entrypoints'],
  entrypoints: ['cli'],
};

const NODE_BUILTINS = new Set(builtinModules);
/** Packages that are the browser or the extension framework: core/ must not use them. */
const RUNTIME_PACKAGES = /^(wxt|#imports|webextension-polyfill|@webext-core\/)/;
/** Globals of a browser or of Node; core/ gets its inputs passed in instead. */
const RUNTIME_GLOBALS =
  /\b(?:browser|chrome|document|window|process|Buffer|localStorage|sessionStorage|indexedDB|navigator)\s*\.|\b(?:fetch|require)\s*\(|\bXMLHttpRequest\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1]!);
}

/** Code without comments (so a comment may name `document.body`); strings are kept. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

function layerOf(file: string): Layer | undefined {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return (LAYERS as readonly string[]).includes(top!) ? (top as Layer) : undefined;
}

/** Everything wrong with one file's dependencies, as readable lines. */
function violations(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rel = path.relative(ROOT, file);
  const out: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = layerOf(path.resolve(path.dirname(file), spec));
      if (target && FORBIDDEN[layer].includes(target)) out.push(`${rel} imports ${target}/ (${spec})`);
    } else if (layer === 'core' && (NODE_BUILTINS.has(spec.replace(/^node:/, '')) || spec.startsWith('node:'))) {
      out.push(`${rel} imports the Node module ${spec}`);
    } else if (layer === 'core' && RUNTIME_PACKAGES.test(spec)) {
      out.push(`${rel} imports the browser runtime ${spec}`);
    }
  }
  if (layer === 'core') {
    const hit = withoutComments(source).match(RUNTIME_GLOBALS);
    if (hit) out.push(`${rel} uses a browser or Node global: ${hit[0]}`);
  }
  return out;
}

describe('layering', () => {
  it('finds the source files it checks', () => {
    const n = LAYERS.map((l) => sourceFiles(path.join(ROOT, l)).length);
    expect(Math.min(...n)).toBeGreaterThan(0);
  });

  it('no layer imports one it must not, and core/ uses no browser or Node API', () => {
    const found = LAYERS.flatMap((l) =>
      sourceFiles(path.join(ROOT, l)).flatMap((f) => violations(f, readFileSync(f, 'utf8'))),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['core/report/palette.ts', "import type { PageAnalysis } from '../../extension/protocol';", 'imports extension/'],
    ['core/x.ts', "export { a } from './../components/app';", 'imports components/'],
    ['core/text/x.ts', "const m = await import('../../cli/main');", 'imports cli/'],
    ['core/x.ts', "import { readFileSync } from 'node:fs';", 'Node module'],
    ['core/x.ts', "import path from 'path';", 'Node module'],
    ['core/x.ts', "import { browser } from 'wxt/browser';", 'browser runtime'],
    ['core/x.ts', 'const t = document.title;', 'global: document.'],
    ['core/x.ts', 'await browser.storage.local.get();', 'global: browser.'],
    ['components/x.tsx', "import { App } from '../entrypoints/sidepanel/app';", 'imports entrypoints/'],
    ['extension/x.ts', "import { App } from '../components/app';", 'imports components/'],
  ])('catches a backwards dependency: %s with %s', (file, source, expected) => {
    const v = violations(path.join(ROOT, file), source);
    expect(v.join('\n')).toContain(expected);
  });

  it.each([
    ['core/x.ts', "import type { PageAnalysis } from '../model/page';"],
    ['core/x.ts', '// reads document.body.textContent in the content script, not here'],
    ['components/x.tsx', "import type { SuyuanService } from '../extension/protocol';"],
    ['entrypoints/x.ts', "import { App } from '../components/app';"],
  ])('allows a forward dependency: %s with %s', (file, source) => {
    expect(violations(path.join(ROOT, file), source)).toEqual([]);
  });
});
