import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is a function of the target browser: Chromium gets a side panel,
// Firefox maps the same entrypoint to sidebar_action (and has no sidePanel permission).
export default defineConfig({
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: [
      'storage',
      'contextMenus',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'suyuan@suyuan.local', strict_min_version: '128.0' } } }
      : {}),
  }),
});
