// The manifest as a function of the target browser (used by wxt.config.ts and tested directly).
// Chromium gets the sidePanel permission; Firefox has none (WXT turns the sidepanel entrypoint
// into sidebar_action there) and needs a gecko id.
import type { UserManifest } from 'wxt';

export function buildManifest(browser: string): UserManifest {
  const firefox = browser === 'firefox';
  return {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', ...(firefox ? [] : ['sidePanel'])],
    action: { default_title: '__MSG_extName__' },
    // The highlight colours (::highlight rules, nothing else) in every frame too: the content
    // script runs in the top frame only and draws a same-origin iframe's speech through the
    // frame's own highlight registry, whose rules must be in that frame (issue 13, fault 12).
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        css: ['content-scripts/content.css'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_start',
      },
    ],
    ...(firefox
      ? {
          browser_specific_settings: { gecko: { id: 'suyuan@suyuan.local', strict_min_version: '128.0' } },
          // Firefox opens the sidebar only from a user action in the browser's own UI or an extension
          // page, never from a click on a web page (the hover card): a shortcut the card can name.
          commands: { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' } } },
        }
      : {}),
  };
}
