// The manifest per browser, and (when a build exists) what WXT made of it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../extension/manifest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('buildManifest', () => {
  it('Chromium: side panel permission, no gecko settings', () => {
    const m = buildManifest('chrome');
    expect(m.permissions).toEqual(expect.arrayContaining(['storage', 'contextMenus', 'sidePanel']));
    expect(m).not.toHaveProperty('browser_specific_settings');
  });

  it('Firefox: no sidePanel permission, a gecko id', () => {
    const m = buildManifest('firefox');
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.permissions).toEqual(expect.arrayContaining(['storage', 'contextMenus']));
    expect(m.browser_specific_settings?.gecko?.id).toBe('suyuan@suyuan.local');
    expect(m.commands).toEqual({ _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' } } });
  });

  it('host access beyond the content script is only optional (the team corpus, asked at run time)', () => {
    const chrome = buildManifest('chrome') as Record<string, unknown>;
    expect(chrome.host_permissions).toBeUndefined();
    expect(chrome.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    const firefox = buildManifest('firefox') as Record<string, unknown>;
    expect(firefox.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(firefox.permissions).not.toEqual(expect.arrayContaining(['http://*/*']));
  });

  it('names and descriptions come from _locales; the menu and card strings do not (one language: ui-lang.ts)', () => {
    for (const loc of ['zh_CN', 'zh_TW', 'en']) {
      const msgs = JSON.parse(readFileSync(join(repo, 'public/_locales', loc, 'messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >;
      for (const key of ['extName', 'extDescription']) expect(msgs[key]?.message, `${loc}.${key}`).toBeTruthy();
      expect(msgs.extDescription!.message.length).toBeLessThanOrEqual(132);
      expect(Object.keys(msgs).sort()).toEqual(['extDescription', 'extName']);
    }
  });

  const ff = join(repo, '.output/firefox-mv2/manifest.json');
  it.skipIf(!existsSync(ff))(
    'the Firefox build has a sidebar and no side_panel (run `npx wxt build -b firefox` first)',
    () => {
      const m = JSON.parse(readFileSync(ff, 'utf8')) as Record<string, unknown> & { permissions: string[] };
      expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
      expect(m).not.toHaveProperty('side_panel');
      expect(m.permissions).not.toContain('sidePanel');
    },
  );
});
