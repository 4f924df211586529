// The content script's wiring: one PageRunner, its ContentService, and the page events it needs,
// all torn down when the extension reloads (ctx invalidated).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { registerContentService, suyuan } from '../messaging';
import { guard } from './guard';
import { PageRunner } from './page-runner';

export function startContentScript(ctx: ContentScriptContext): PageRunner {
  const runner = new PageRunner({
    doc: document,
    win: window,
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    service: suyuan,
  });
  const unregister = registerContentService({
    reveal: (s, e) => runner.reveal(s, e),
    refresh: () => runner.refresh(),
    getPageText: () => runner.getPageText(),
    update: (a) => runner.update(a),
  });
  ctx.onInvalidated(() => {
    unregister();
    runner.stop();
  });
  ctx.addEventListener(
    window,
    'wxt:locationchange',
    guard('location change', () => runner.onLocationChange()),
  );
  ctx.addEventListener(
    document,
    'pointermove',
    guard('pointer', (e: PointerEvent) => runner.onPointerMove(e)),
    {
      passive: true,
    },
  );
  let resizeTimer = 0;
  ctx.addEventListener(window, 'resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = ctx.setTimeout(
      guard('resize', () => runner.onResize()),
      200,
    );
  });
  guard('start', () => {
    runner.observeLateContent();
    return runner.run();
  })();
  return runner;
}
