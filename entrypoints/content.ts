import '../extension/content/highlights.css';
import { startContentScript } from '../extension/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // highlights.css goes into the manifest's content_scripts css: never a <style> in the page.
  cssInjectionMode: 'manifest',
  main(ctx) {
    try {
      startContentScript(ctx);
    } catch (err) {
      console.warn('[suyuan] content script failed to start:', err);
    }
  },
});
