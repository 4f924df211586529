// The Firefox build: WXT turns the side panel into a sidebar, and Firefox refuses the Chromium-only
// sidePanel permission and needs a gecko id to keep storage across installs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './paths';

interface Manifest {
  manifest_version: number;
  name: string;
  default_locale?: string;
  permissions?: string[];
  sidebar_action?: { default_panel?: string };
  side_panel?: unknown;
  background?: { scripts?: string[]; service_worker?: string };
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

let dir = '';
let manifest: Manifest;

beforeAll(() => {
  // Builds here rather than relying on a leftover .output, so the test checks the current config.
  try {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: repoRoot, stdio: 'pipe', timeout: 180_000 });
  } catch (error) {
    const out = error as { stdout?: Buffer; stderr?: Buffer };
    const log = `${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`.split('\n').slice(-30).join('\n');
    throw new Error(`npx wxt build -b firefox failed:\n${log}`);
  }
  dir =
    ['firefox-mv2', 'firefox-mv3']
      .map((d) => join(repoRoot, '.output', d))
      .find((d) => existsSync(join(d, 'manifest.json'))) ?? '';
  if (!dir) throw new Error('wxt build -b firefox produced no .output/firefox-mv2 or firefox-mv3 manifest');
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}, 180_000);

describe('Firefox manifest', () => {
  it('declares the panel as a sidebar whose page exists', () => {
    const panel = manifest.sidebar_action?.default_panel;
    expect(panel, 'sidebar_action.default_panel').toBeTruthy();
    expect(existsSync(join(dir, panel!.replace(/^\//, '')))).toBe(true);
    expect(manifest.side_panel).toBeUndefined();
  });

  it('has a gecko id and no sidePanel permission', () => {
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[^@\s]+@[^@\s]+$|^\{[0-9a-f-]{36}\}$/i);
    expect(manifest.permissions ?? []).not.toContain('sidePanel');
    expect(manifest.permissions ?? []).toEqual(expect.arrayContaining(['storage', 'contextMenus']));
  });

  it('ships every file the manifest points at, and the default locale', () => {
    const files = [
      ...(manifest.background?.scripts ?? []),
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
      // A content-script entry may carry only CSS (highlights.css for every frame).
      ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ];
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
    if (manifest.default_locale) {
      expect(existsSync(join(dir, '_locales', manifest.default_locale, 'messages.json'))).toBe(true);
    }
  });
});
