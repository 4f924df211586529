import { startContentScript } from '../extension/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      startContentScript(ctx);
    } catch (err) {
      console.warn('[suyuan] content script failed to start:', err);
    }
  },
});
