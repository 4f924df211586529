// Targets Playwright does not expose as pages (the real side panel), driven over raw CDP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshotDir } from './paths';
import { waitFor } from './wait-for';

/** A target Playwright does not expose as a Page (the real side panel), driven over raw CDP. */
export interface CdpTarget {
  evaluate<T>(expression: string): Promise<T>;
  screenshot(name: string): Promise<string>;
}

/**
 * Attaches to the first page target whose URL ends with `suffix`, through `via`'s CDP session.
 * Uses the non-flattened protocol (messages wrapped in Target.sendMessageToTarget), which
 * Playwright's CDPSession can carry.
 */
export async function attachToTarget(
  context: BrowserContext,
  via: Page,
  suffix: string,
  /** Pages with the same URL that are not the target (e.g. the panel opened as a tab). */
  exclude: Page[] = [],
): Promise<CdpTarget> {
  const cdp = await context.newCDPSession(via);
  const excluded = new Set<string>();
  for (const page of exclude) {
    const session = await context.newCDPSession(page);
    excluded.add((await session.send('Target.getTargetInfo')).targetInfo.targetId);
    await session.detach();
  }
  const targetId = await waitFor(`a page target ending with ${suffix}`, async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.find((t) => t.type === 'page' && t.url.endsWith(suffix) && !excluded.has(t.targetId))?.targetId;
  });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
    if (reply.id !== undefined) waiting.delete(reply.id);
  });
  const call = async <T>(method: string, params: object): Promise<T> => {
    const id = ++next;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const { result, error } = await reply;
    if (error) throw new Error(`${method}: ${error.message}`);
    return result as T;
  };
  return {
    async evaluate<T>(expression: string) {
      const r = await call<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
      return r.result.value;
    },
    async screenshot(name: string) {
      const { data } = await call<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      writeFileSync(path, Buffer.from(data, 'base64'));
      return path;
    },
  };
}
