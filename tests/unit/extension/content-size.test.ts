// The content script runs on every page: it must stay small. This checks the built file, so run
// `npx wxt build` first (CI builds before the tests); without a build it skips, saying so.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const built = resolve(repo, '.output/chrome-mv3/content-scripts/content.js');
// 30 KB until issue 13 (fault 12: walking into open shadow roots and same-origin frames, +0.7 KB).
const LIMIT = 32 * 1024;

describe('content script size', () => {
  if (!existsSync(built)) {
    it.skip(`no build at ${built}: run \`npx wxt build\` to check the ${LIMIT / 1024} KB limit`, () => {});
    return;
  }
  it(`content.js is at most ${LIMIT} bytes`, () => {
    const size = statSync(built).size;
    console.log(`content.js: ${size} bytes (${(size / 1024).toFixed(1)} KiB of ${LIMIT / 1024})`);
    expect(size).toBeLessThanOrEqual(LIMIT);
  });
  it('bundles none of the heavy modules', () => {
    const js = readFileSync(built, 'utf8');
    const background = readFileSync(resolve(dirname(built), '../background.js'), 'utf8');
    // Strings that survive minification: diff-match-patch, the engine, the corpus asset name,
    // and an OpenCC phrase table entry. Each must be in background.js (so the check can fail).
    for (const marker of ['Diff_Timeout', 'indexBytes', 'corpus.bin', '落雁沈魚']) {
      expect(background.includes(marker), `${marker} in background.js`).toBe(true);
      expect(js.includes(marker), `${marker} in content.js`).toBe(false);
    }
  });
});
