// Assertions shared by the end-to-end files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot, type Harness, type RecordedRequest } from './harness';

/** A string constant from the extension's source, so the tests follow a rename instead of
 *  silently checking a name nobody uses. (Importing the module would pull in `wxt/browser`.) */
function sourceConstant(file: string, pattern: RegExp): string {
  const value = pattern.exec(readFileSync(join(repoRoot, file), 'utf8'))?.[1];
  if (!value) throw new Error(`${file} no longer matches ${pattern}: update tests/e2e/expectations.ts`);
  return value;
}

/** The CSS highlight the content script registers for reused passages. */
export const REUSE_HIGHLIGHT = sourceConstant('extension/content/highlighter.ts', /\breuse:\s*'([^']+)'/);
/** The CSS highlight for formulaic phrasing (提法). */
export const FORMULA_HIGHLIGHT = sourceConstant('extension/content/highlighter.ts', /\bformula:\s*'([^']+)'/);
/** The CSS highlight for leftovers (the source's particulars the copier forgot to change). */
export const LEFTOVER_HIGHLIGHT = sourceConstant('extension/content/highlighter.ts', /\bleftover:\s*'([^']+)'/);
/** The context-menu item's id. */
export const MENU_ID = sourceConstant('extension/background/context-menu.ts', /MENU_ID\s*=\s*'([^']+)'/);
/** The "view this passage" item's id (shown over a marked passage). */
export const VIEW_MENU_ID = sourceConstant('extension/background/passage-menu.ts', /VIEW_MENU_ID\s*=\s*'([^']+)'/);

/**
 * Chromium itself (not any extension or page) checks for updates and sign-in state even with
 * background networking disabled. Those connections reach only the proxy channel; Playwright's
 * and CDP's per-page/per-worker records never contain them, and they are not excused there.
 */
const browserHousekeeping =
  /^https?:\/\/(update\.googleapis\.com|accounts\.google\.com|clients\d*\.google\.com|[a-z0-9-]+\.gvt1\.com|optimizationguide-pa\.googleapis\.com|content-autofill\.googleapis\.com|safebrowsing\.googleapis\.com|www\.google\.com)(:\d+)?\//;

export function foreignRequests(h: Harness): RecordedRequest[] {
  return h.foreignRequests().filter((r) => !(r.via === 'proxy' && browserHousekeeping.test(r.url)));
}

export function expectNoForeignRequests(h: Harness): void {
  // A run that recorded nothing would prove nothing.
  expect(h.requests.filter((r) => r.url.startsWith(h.server.origin)).length).toBeGreaterThan(0);
  const foreign = foreignRequests(h);
  expect(foreign, `requests to other hosts:\n${foreign.map((r) => `${r.via}: ${r.url}`).join('\n')}`).toEqual([]);
}

/** For negatives only: after a positive control lit up, give stragglers a little more time. */
export function quietPeriod(ms = 3000): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
