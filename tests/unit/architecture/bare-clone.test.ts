// `npm test` runs on a bare clone, without ../shared beside the repository: the unit, component and
// end-to-end tests take their texts from tests/fixtures/corpus.ts (the bundled corpus and texts the
// project wrote). Only tests/data/ (npm run test:data) and scripts/ read ../shared, through
// tests/fixtures/shared.ts. Tests import no scripts/: what both need lives in tests/fixtures/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'screenshots' || e.name === 'data' ? [] : files(p);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1]!);
}

/** Files of the suites `npm test` runs, and the fixtures they use (tests/fixtures/shared.ts aside). */
const npmTestFiles = files(path.join(ROOT, 'tests')).filter(
  (f) => f !== path.join(ROOT, 'tests', 'fixtures', 'shared.ts') && f !== __filename,
);
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/** What in a test file would reach ../shared or scripts/, as readable reasons. */
export function bareCloneProblems(file: string, source: string): string[] {
  const out: string[] = [];
  for (const spec of importsOf(source)) {
    if (!spec.startsWith('.')) continue;
    const target = rel(path.resolve(path.dirname(file), spec));
    if (target === 'tests/fixtures/shared') out.push(`imports ${spec} (../shared is for tests/data and scripts)`);
    if (target.startsWith('scripts/')) out.push(`imports ${spec} (tests import no scripts/)`);
  }
  // A path to the evaluation data spelt out: '../shared', join(repo, '..', 'shared').
  if (/['"`](?:\.\.\/)+shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]/.test(source)) out.push('names a ../shared path');
  return out;
}

describe('npm test runs on a bare clone', () => {
  it('finds the test files it checks', () => {
    expect(npmTestFiles.length).toBeGreaterThan(40);
    expect(npmTestFiles.map(rel)).toContain('tests/fixtures/corpus.ts');
  });

  it('no unit, component or end-to-end test (nor their fixtures) reads ../shared or imports scripts/', () => {
    const problems = npmTestFiles.flatMap((f) =>
      bareCloneProblems(f, readFileSync(f, 'utf8')).map((p) => `${rel(f)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('would catch each way of reaching ../shared or scripts/', () => {
    const f = path.join(ROOT, 'tests', 'unit', 'x', 'y.test.ts');
    expect(bareCloneProblems(f, `import { readSet } from '../../fixtures/shared';`)).toHaveLength(1);
    expect(bareCloneProblems(f, `import { rng } from '../../../scripts/lib/rng';`)).toHaveLength(1);
    expect(bareCloneProblems(f, `const dir = join(repo, '..', 'shared');`)).toHaveLength(1);
    expect(bareCloneProblems(f, `const dir = new URL('../../../../shared/', import.meta.url);`)).toHaveLength(1);
    expect(bareCloneProblems(f, `import { seeds } from '../../fixtures/corpus';`)).toEqual([]);
  });

  it('every data-suite file says when ../shared is missing (describeData)', () => {
    const dir = path.join(ROOT, 'tests', 'data');
    const suites = readdirSync(dir).filter((n) => n.endsWith('.test.ts'));
    expect(suites.length).toBeGreaterThan(0);
    const unguarded = suites.filter((n) => !/\bdescribeData\(/.test(readFileSync(path.join(dir, n), 'utf8')));
    expect(unguarded).toEqual([]);
  });
});
