import '../extension/content/highlights.css';
import { startContentScript } from '../extension/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // highlights.css is built as content-scripts/content.css and listed in the manifest by
  // extension/manifest.ts, for every frame (all_frames): never a <style> in the page.
  cssInjectionMode: 'manual',
  main(ctx) {
    try {
      startContentScript(ctx);
    } catch (err) {
      console.warn('[suyuan] content script failed to start:', err);
    }
  },
});
