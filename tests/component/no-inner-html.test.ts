// Page and corpus text must reach the panel only as text nodes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|html)$/.test(n) ? [p] : [];
  });
}

describe('panel code', () => {
  it('never injects HTML', () => {
    const all = [...files(join(ROOT, 'components')), ...files(join(ROOT, 'entrypoints'))];
    expect(all.length).toBeGreaterThan(10);
    const offenders = all.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
