// Drives the Firefox build (.output/firefox-mv2) in Debian's firefox-esr over WebDriver BiDi with
// puppeteer-core: no geckodriver, no web-ext. Web pages are driven with ordinary puppeteer calls.
// Extension pages (moz-extension://) cannot be scripted over BiDi (Firefox bug 1755014), so the
// browser is started with --remote-allow-system-access and the browser window's chrome scope is
// used to open the real sidebar (SidebarController), to run code inside extension pages (a frame
// script evaluating in a sandbox with the page's own principal, so browser.* works there) and to
// take screenshots of them (WindowGlobalParent.drawSnapshot).
// The add-on is installed permanently (an unsigned XPI; ESR honours
// xpinstall.signatures.required=false), so a second launch on the same profile is a browser restart.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readdirSync, statSync } from 'node:fs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox's own housekeeping (Remote Settings and the like: not the add-on, not the page), which
 *  puppeteer's prefs do not switch off in a release build. Request checks leave these out. */
export const FIREFOX_HOUSEKEEPING =
  /^https?:\/\/[^/]*(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|digicert\.com)(:\d+)?\//;

/** The Firefox build (`npm run build:firefox`): its folder, and its sidebar's id in Firefox (null
 *  when it is not built). */
export function firefoxBuild(root: string): { dir: string; sidebarId: string } | null {
  const dir = join(root, '.output', 'firefox-mv2');
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return { dir, sidebarId: `${m.browser_specific_settings.gecko.id.replace(/[^a-z0-9_-]/gi, '_')}-sidebar-action` };
}

export interface Firefox {
  browser: Browser;
  version: string;
  /** Evaluates an expression in the browser window's chrome scope (awaits promises). */
  chrome<T = unknown>(expression: string): Promise<T>;
  /** Runs `fn` (an async function, no closure) inside the sidebar's extension page; JSON result. */
  inSidebar<T>(fn: () => Promise<T>): Promise<T>;
  showSidebar(): Promise<void>;
  hideSidebar(): Promise<void>;
  sidebarOpen(): Promise<boolean>;
  /** PNG of the sidebar page, or of the whole window. */
  shot(what: 'sidebar' | 'window'): Promise<Buffer>;
  firstPage(): Promise<Page>;
  /** Console errors and messages of the browser that mention the extension (for failure messages). */
  extensionConsole(): Promise<string[]>;
  close(): Promise<void>;
}

function addDir(zip: JSZip, dir: string, prefix = ''): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) addDir(zip, path, `${prefix}${name}/`);
    else zip.file(`${prefix}${name}`, readFileSync(path));
  }
}

/** The unpacked build as an XPI (a zip with manifest.json at its root). */
export async function packXpi(extDir: string, xpi: string): Promise<void> {
  const zip = new JSZip();
  addDir(zip, extDir);
  writeFileSync(xpi, await zip.generateAsync({ type: 'nodebuffer' }));
}

export interface LaunchOptions {
  profile: string;
  /** Install this XPI permanently before returning (first launch only). */
  installXpi?: string;
  /** Every request to another host goes to this proxy (the test server), which records it. */
  proxyPort: number;
  /** Loopback requests go through the proxy too (by default they go straight to 127.0.0.1). */
  proxyLoopback?: boolean;
  sidebarId: string;
}

export async function launchFirefox(opts: LaunchOptions): Promise<Firefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: opts.profile,
    args: ['--remote-allow-system-access', '--window-size=1400,900'],
    defaultViewport: null,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'intl.accept_languages': 'zh-CN, zh', // navigator.language: the extension's one language
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxyPort,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': opts.proxyLoopback ?? false,
    },
  });
  const bidi = (browser as unknown as { connection: unknown }).connection as {
    send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  };
  if (opts.installXpi) {
    await bidi.send('webExtension.install', {
      extensionData: { type: 'archivePath', path: opts.installXpi },
      'moz:permanent': true,
    });
  }
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const ctx = (tree.contexts as { url: string; context: string }[]).find(
    (c) => c.url === 'chrome://browser/content/browser.xhtml',
  )?.context;
  if (!ctx) throw new Error('no chrome scope over BiDi: this Firefox lacks "moz:scope": "chrome" (needs 153+)');

  async function chrome<T>(expression: string): Promise<T> {
    const { result } = await bidi.send('script.evaluate', {
      expression,
      target: { context: ctx },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') {
      throw new Error(`chrome eval: ${(result.exceptionDetails as { text: string }).text}`);
    }
    return (result.result as { value: T }).value;
  }
  await chrome(`
    window.__e2ePanel = () => SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
    window.__e2eEvalIn = (b, fnSource) => new Promise((resolve) => {
      const mm = b.messageManager;
      const key = 'e2e:' + Math.random().toString(36).slice(2);
      const code = '(' + fnSource + ')().then((x) => JSON.stringify(x === undefined ? null : x))';
      const fs = '(async () => { let r; try { const sb = Cu.Sandbox(content, { sandboxPrototype: content, wantXrays: false });' +
        ' r = { ok: await Cu.evalInSandbox(' + JSON.stringify(code) + ', sb) }; } catch (e) { r = { err: String(e) }; }' +
        ' sendAsyncMessage(' + JSON.stringify(key) + ', r); })()';
      mm.addMessageListener(key, function l(m) { mm.removeMessageListener(key, l); resolve(JSON.stringify(m.data)); });
      mm.loadFrameScript('data:application/javascript;charset=utf-8,' + encodeURIComponent(fs), false);
    });
    window.__e2eShot = async (bc) => {
      const bmp = await bc.currentWindowGlobal.drawSnapshot(null, 1, 'white');
      const c = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
      c.width = bmp.width; c.height = bmp.height; c.getContext('2d').drawImage(bmp, 0, 0);
      return c.toDataURL('image/png');
    };
    'ok'`);

  const sidebarLoaded = () =>
    chrome<boolean>(`String(window.__e2ePanel()?.currentURI?.spec ?? '').endsWith('/sidepanel.html')`);
  const ff: Firefox = {
    browser,
    version: await browser.version(),
    chrome,
    async inSidebar<T>(fn: () => Promise<T>): Promise<T> {
      const raw = await chrome<string>(`window.__e2eEvalIn(window.__e2ePanel(), ${JSON.stringify(fn.toString())})`);
      const { ok, err } = JSON.parse(raw) as { ok?: string; err?: string };
      if (err) throw new Error(`in the sidebar: ${err}`);
      return JSON.parse(ok!) as T;
    },
    async showSidebar() {
      await chrome(`SidebarController.show(${JSON.stringify(opts.sidebarId)}).then(() => 'shown')`);
      await chrome(`document.getElementById('sidebar-box').style.width = '420px'; 'ok'`);
    },
    async hideSidebar() {
      await chrome(`SidebarController.hide(); 'ok'`);
    },
    async sidebarOpen() {
      return (await chrome<boolean>('SidebarController.isOpen')) && (await sidebarLoaded());
    },
    async shot(what) {
      const target = what === 'sidebar' ? 'window.__e2ePanel().browsingContext' : 'window.browsingContext';
      const url = await chrome<string>(`window.__e2eShot(${target})`);
      return Buffer.from(url.split(',')[1]!, 'base64');
    },
    async firstPage() {
      return (await browser.pages())[0] ?? browser.newPage();
    },
    async extensionConsole() {
      const all = await chrome<string>(`(() => {
        const out = [];
        for (const m of Services.console.getMessageArray())
          if (m instanceof Ci.nsIScriptError) out.push(m.sourceName + ':' + m.lineNumber + ' ' + m.errorMessage);
        for (const e of Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).getEvents()) {
          let args = ''; try { args = e.arguments.map((a) => String(a)).join(' '); } catch {}
          out.push('console.' + e.level + ' ' + e.filename + ':' + e.lineNumber + ' ' + args);
        }
        return JSON.stringify(out);
      })()`);
      return (JSON.parse(all) as string[]).filter((l) => /moz-extension|suyuan/i.test(l));
    },
    close: () => browser.close(),
  };
  return ff;
}
