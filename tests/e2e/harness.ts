// Drives the built extension in Debian's Chromium. One harness per test file: a local HTTP server
// that serves generated pages (and doubles as the browser's proxy, so any request that would leave
// the machine lands here and is recorded), a persistent Chromium profile with the extension loaded,
// and a log of every request the browser made, for the privacy assertion.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { extensionDir, screenshotDir } from './paths';
import { TestServer, type RecordedRequest } from './test-server';
import { waitFor } from './wait-for';

// The test files import everything from here.
export { attachToTarget } from './cdp-target';
export { highlights, type HighlightState } from './highlights';
export { repoRoot } from './paths';
export { type RecordedRequest } from './test-server';
export { waitFor } from './wait-for';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The few extension APIs the tests call inside the service worker (the project has no chrome types). */
export interface WorkerChrome {
  tabs: { query(q: object): Promise<{ id?: number; active?: boolean; windowId?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  contextMenus: { update(id: string, props: object): Promise<void> };
  runtime: { id: string; getManifest(): { permissions?: string[] }; sendMessage(message: unknown): Promise<unknown> };
  storage: { session: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
}

/** Cast `globalThis` to this inside functions evaluated in the worker: they are sent as source
 *  text, so they cannot call helpers from this file. */
export type WorkerGlobal = typeof globalThis & { chrome: WorkerChrome };

export interface Harness {
  server: TestServer;
  context: BrowserContext;
  extensionId: string;
  requests: RecordedRequest[];
  /** Console messages and uncaught errors of pages and the extension's worker. */
  logs: string[];
  /** Opens `url` in a new tab, with CDP network recording attached before navigation. */
  open(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit' }): Promise<Page>;
  /** Evaluates in the extension's service worker (re-acquiring it if Chrome restarted it). */
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(page: Page): Promise<string>;
  /** Every request not addressed to the test server or this extension. */
  foreignRequests(): RecordedRequest[];
  close(): Promise<void>;
}

function requireBuiltExtension(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. End-to-end tests need it: apt-get install -y chromium fonts-noto-cjk ` +
        `(or set CHROMIUM_PATH).`,
    );
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`The extension is not built (${extensionDir}/manifest.json missing): run \`npx wxt build\` first.`);
  }
}

export interface LaunchOptions {
  /** Leave the first-run choice (keep pages as you read) unanswered; other tests start past it. */
  firstRun?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  requireBuiltExtension();
  const server = await new TestServer().start();
  const scratch = mkdtempSync(join(tmpdir(), 'suyuan-e2e-'));
  const profile = join(scratch, 'profile');
  // A private copy: another build into .output must not change the extension under a running browser.
  const extension = join(scratch, 'extension');
  cpSync(extensionDir, extension, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
      // Headless Chromium takes navigator.language from this, also in pages Playwright does not
      // manage (the real side panel), so every screenshot shows the Chinese interface.
      '--accept-lang=zh-CN,zh',
      // Everything not addressed to loopback goes to our server, which records and refuses it.
      `--proxy-server=http://127.0.0.1:${server.port}`,
    ],
  });
  const requests: RecordedRequest[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), via: 'context' }));
  // Console output of pages and the worker, for diagnosing a failure.
  const logs: string[] = [];
  context.on('console', (m) => logs.push(`[${m.type()}] ${m.page()?.url() ?? m.worker()?.url() ?? '?'}: ${m.text()}`));
  context.on('weberror', (e) => logs.push(`[pageerror] ${e.page()?.url() ?? '?'}: ${e.error().message}`));

  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const extensionId = worker.url().split('/')[2] ?? '';

  const currentWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
    (await context.waitForEvent('serviceworker', { timeout: 60_000 }));

  const inWorker = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    try {
      return (await (await currentWorker()).evaluate(fn as never, arg as never)) as R;
    } catch (error) {
      // The worker may have been stopped between lookup and evaluate; one retry on a fresh one.
      if (!/closed|destroyed|Execution context/i.test(String(error))) throw error;
      return (await (await currentWorker()).evaluate(fn as never, arg as never)) as R;
    }
  };

  if (!options.firstRun) {
    // As if the reader had answered "not now": the panel opens on its views, screenshots unchanged.
    await inWorker(async () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
        .chrome.storage.local;
      await local.set({ settings: { welcomeDone: true } });
    }, undefined);
  }

  // Without the "tabs" permission the worker cannot see tab URLs, so a page's tab id is found by
  // creation order: the one tab id that appeared while the page was being created.
  const tabIds = new WeakMap<Page, number>();
  const allTabIds = (): Promise<number[]> =>
    inWorker(async () => (await (globalThis as WorkerGlobal).chrome.tabs.query({})).map((t) => t.id ?? -1), undefined);

  const open: Harness['open'] = async (url, options = {}) => {
    const before = new Set(await allTabIds());
    const page = await context.newPage();
    const fresh = await waitFor('the new tab to appear in chrome.tabs', async () => {
      const added = (await allTabIds()).filter((id) => !before.has(id));
      return added.length === 1 ? added : null;
    });
    tabIds.set(page, fresh[0] ?? -1);
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (event) =>
        requests.push({ url: event.request.url, via: 'cdp', origin: page.url() }),
      );
    } catch {
      // CDP on a page is a second witness; Playwright's own events still record everything.
    }
    await page.goto(url, { waitUntil: options.waitUntil ?? 'load', timeout: 90_000 });
    return page;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const id = tabIds.get(page);
    if (id === undefined) throw new Error(`Page ${page.url()} was not opened through harness.open()`);
    return id;
  };

  const badgeText = async (page: Page): Promise<string> => {
    const tabId = await tabIdOf(page);
    return inWorker((id) => (globalThis as WorkerGlobal).chrome.action.getBadgeText({ tabId: id }), tabId);
  };

  const allowed = (url: string): boolean =>
    url.startsWith(server.origin + '/') ||
    url.startsWith(`chrome-extension://${extensionId}/`) ||
    url.startsWith(`blob:${server.origin}/`) ||
    url.startsWith(`blob:chrome-extension://${extensionId}/`) ||
    url.startsWith('data:') ||
    url === 'about:blank';

  return {
    server,
    context,
    extensionId,
    requests,
    logs,
    open,
    inWorker,
    tabIdOf,
    badgeText,
    foreignRequests: () => [...requests.filter((r) => !allowed(r.url)), ...server.escaped],
    async close() {
      await context.close().catch(() => undefined);
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for a test file. A launch (or `setup`) failure is kept and thrown by the getter, so
 * every test of the file fails with the reason (no browser, no build) instead of being skipped.
 */
export function useHarness(setup?: (h: Harness) => Promise<void>, options: LaunchOptions = {}): () => Harness {
  let harness: Harness | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      harness = await launch(options);
      await setup?.(harness);
    } catch (error) {
      failure = error;
    }
  }, 180_000);
  afterAll(async () => {
    // The extension reports its own failures as console warnings: show them next to the test result.
    const notable = (harness?.logs ?? []).filter(
      (l) => /^\[(warning|error|pageerror)\]/.test(l) && !/favicon|status of 404/.test(l),
    );
    if (notable.length > 0) console.log(`browser console warnings and errors:\n${notable.slice(-20).join('\n')}`);
    await harness?.close();
  });
  return () => {
    if (failure !== undefined) throw failure;
    if (!harness) throw new Error('The browser was not started');
    return harness;
  };
}

/** Screenshot into tests/e2e/screenshots/<name>.png (committed, and looked at). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}
