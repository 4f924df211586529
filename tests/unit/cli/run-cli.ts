// Spawns the real CLI (node cli/bin.mjs) the way users and other tools run it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));

// One index cache per test file: the first spawn builds and stores the bundled corpus's index, the
// later ones restore it (which also exercises the cache), and the user's real cache is left alone.
// Test files call removeCliCache() in afterAll (vitest workers end without a process 'exit').
const cacheDir = mkdtempSync(path.join(tmpdir(), 'suyuan-cache-'));
export const removeCliCache = () => rmSync(cacheDir, { recursive: true, force: true });

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // cwd is a temp dir on purpose: the bundled corpus must be found relative to the package.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, SUYUAN_CACHE_DIR: cacheDir, ...env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR']) if (!(k in env)) delete childEnv[k];
    const child = spawn(process.execPath, [path.join(repo, 'cli', 'bin.mjs'), ...args], {
      cwd: tmpdir(),
      env: childEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function tempDir(): { dir: string; write(name: string, data: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'suyuan-cli-'));
  return {
    dir,
    write(name, data) {
      const p = path.join(dir, name);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, data);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export { bundledDoc } from '../../fixtures/corpus';

/** Share of the character bigrams of `a` (whitespace/punctuation removed) also found in `b`. */
export function bigramContainment(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const grams = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    return out;
  };
  const ga = grams(clean(a));
  const gb = new Set(grams(clean(b)));
  if (ga.length === 0) return 0;
  return ga.filter((g) => gb.has(g)).length / ga.length;
}
