import { setupBackground } from '../extension/background';

export default defineBackground(() => {
  setupBackground();
});
