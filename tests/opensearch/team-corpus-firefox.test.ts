// End to end in Firefox (the MV2 build in Debian's firefox-esr, over WebDriver BiDi as in
// tests/e2e-firefox): the team corpus on `suyuan serve` over a real OpenSearch, from the user's
// side. Before a server is set nothing leaves the browser; "connect" in the sidebar's settings
// asks Firefox for that one address (the MV2 optional permission, through Firefox's own prompt);
// then only that server is asked and the page's source, which only the team corpus holds, is found
// (badge, highlights, sidebar); turned off, the permission is gone and the server is asked no more.
//
// Every request the browser makes, loopback included, goes through a recording proxy, so "nothing
// left" is what the proxy saw. The one stand-in for the user: the click on "connect" is marked as
// user input by script (BiDi cannot click in the sidebar; see tests/e2e-firefox/user-actions.ts).
// The prompt, its "Allow"/"Deny" buttons and the permission itself are Firefox's own.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs, perturb, sitePage } from '../e2e/pages';
import { repoRoot, screenshotDir } from '../e2e/paths';
import { TestServer } from '../e2e/test-server';
import { waitFor } from '../e2e/wait-for';
import {
  FIREFOX,
  FIREFOX_HOUSEKEEPING,
  firefoxBuild,
  launchFirefox,
  packXpi,
  type Firefox,
} from '../e2e-firefox/firefox';
import { RecordingProxy } from '../e2e-firefox/recording-proxy';
import {
  clickInSidebarAsUser,
  permissionPrompt,
  pressPermissionButton,
  promptClosed,
} from '../e2e-firefox/user-actions';
import { dropIndex, freshIndex, skip } from './helpers';
import { indexTeamCorpus, startServe, teamSpeech, TEAM_DOCS, type ServeProcess } from './team-server';

const TOKEN = 'e2e-team-token';
const index = freshIndex('team-ff');
const build = firefoxBuild(repoRoot);
const noFirefox = !existsSync(FIREFOX);
if (!skip && noFirefox) {
  console.warn(
    `\nFirefox team-corpus end-to-end SKIPPED: no Firefox at ${FIREFOX} (apt-get install -y firefox-esr).\n`,
  );
}

let serve: ServeProcess;
let pages: TestServer;
let proxy: RecordingProxy;
let ff: Firefox;
let page: Page;
let profile = '';
let pageUrl = '';

const save = (name: string, png: Buffer | Uint8Array) => writeFileSync(join(screenshotDir, name), png);
/** Requests to anything but the test page's server and the team server (Firefox housekeeping aside). */
const elsewhere = () => proxy.other(pages.origin, serve.url).filter((r) => !FIREFOX_HOUSEKEEPING.test(r.url));
const toServer = () => proxy.seen.filter((r) => r.url.startsWith(`${serve.url}/`));

async function badge(): Promise<string> {
  return ff.inSidebar(async () => {
    const b = (globalThis as unknown as { browser: any }).browser; // eslint-disable-line @typescript-eslint/no-explicit-any
    const [tab] = await b.tabs.query({ active: true, currentWindow: true });
    return (await b.browserAction.getBadgeText({ tabId: tab.id })) as string;
  });
}

async function grantedOrigins(): Promise<string[]> {
  return ff.inSidebar(async () => {
    const b = (globalThis as unknown as { browser: any }).browser; // eslint-disable-line @typescript-eslint/no-explicit-any
    return ((await b.permissions.getAll()) as { origins: string[] }).origins;
  });
}

const compareText = () =>
  ff.inSidebar(async () => (document.querySelector('#sy-panel-compare') as HTMLElement | null)?.innerText ?? '');
const teamState = () => ff.inSidebar(async () => document.querySelector('#sy-set-team-state')?.textContent ?? '');

async function openSettings(): Promise<void> {
  await ff.inSidebar(async () => {
    (document.querySelector('header button[aria-label="设置"], button[aria-label="设置"]') as HTMLElement).click();
  });
  await waitFor('the settings in the sidebar', () =>
    ff.inSidebar(async () => document.querySelector('#sy-set-team-url') !== null),
  );
}

async function backToCompare(): Promise<void> {
  await ff.inSidebar(async () => {
    const back = [...document.querySelectorAll('button')].find((b) => /返回/.test(b.textContent ?? ''));
    (back as HTMLElement).click();
  });
}

async function fillTeamFields(url: string, token: string): Promise<void> {
  await ff.inSidebar(
    new Function(`return (async () => {
      for (const [id, v] of [['#sy-set-team-url', ${JSON.stringify(url)}], ['#sy-set-team-token', ${JSON.stringify(token)}]]) {
        const input = document.querySelector(id);
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    })()`) as () => Promise<void>,
  );
}

/** A phrase only the team speech has (the page changed the place name). */
const TEAM_PHRASE = `召开${teamSpeech.place}招商引资工作会议`;

const lookupText = () =>
  ff.inSidebar(async () => (document.querySelector('#sy-panel-lookup') as HTMLElement | null)?.innerText ?? '');

/** Looks `query` up in the sidebar's 查找 tab; the titles of the speeches with hits (none: []).
 *  The answer is the first finished one that differs from what the tab showed before (the view
 *  keeps the last result on screen while it asks). */
async function lookUp(query: string): Promise<string[]> {
  const before = await lookupText();
  await ff.inSidebar(
    new Function(`return (async () => {
      [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === '查找').click();
      await new Promise((r) => requestAnimationFrame(r));
      const input = document.querySelector('#sy-panel-lookup input[type=search]');
      input.value = ${JSON.stringify(query)};
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      input.form.requestSubmit();
    })()`) as () => Promise<void>,
  );
  await waitFor(`the lookup of ${query}`, async () => {
    const text = await lookupText();
    return text !== before && /共 \d+ 处|没有找到/.test(text);
  });
  return ff.inSidebar(async () =>
    [...document.querySelectorAll('#sy-panel-lookup .hit-group h3')].map((h) => h.textContent ?? ''),
  );
}

/** Connect, then answer Firefox's prompt; returns the prompt's text. */
async function connectAnswering(answer: 'allow' | 'deny'): Promise<string> {
  await clickInSidebarAsUser(ff, '#sy-set-team-connect');
  const prompt = await waitFor('Firefox asking for the permission', () => permissionPrompt(ff));
  await waitFor(`the prompt answered "${answer}"`, async () => {
    await pressPermissionButton(ff, answer);
    return promptClosed(ff);
  });
  return prompt.text;
}

/** Starts Firefox on the test profile (installing the add-on the first time), opens the copied
 *  page and the sidebar. A second launch on the same profile is a browser restart. */
async function launch(installXpi?: string): Promise<void> {
  ff = await launchFirefox({
    profile,
    installXpi,
    proxyPort: proxy.port,
    proxyLoopback: true,
    sidebarId: build!.sidebarId,
  });
  page = await ff.firstPage();
  await page.goto(pageUrl, { waitUntil: 'load' });
  // The sidebar can be asked to show a moment before the add-on's panel is registered.
  await waitFor('the sidebar shown', async () => (await ff.showSidebar(), ff.sidebarOpen()), { timeout: 90_000 });
}

/** The badge once the team's reuse is on it (a percentage of at least 50). */
const teamBadge = () =>
  waitFor(
    'the badge showing the team reuse',
    async () => {
      const b = await badge();
      return /^\d+%$/.test(b) && Number.parseInt(b, 10) >= 50 ? b : null;
    },
    { timeout: 180_000 },
  );

describe.skipIf(skip || noFirefox)(`the Firefox build with a team corpus on suyuan serve (${FIREFOX})`, () => {
  beforeAll(async () => {
    if (!build) throw new Error(`No Firefox build in ${repoRoot}.output/firefox-mv2: run npm run build:firefox first`);
    mkdirSync(screenshotDir, { recursive: true });
    await indexTeamCorpus(index);
    serve = await startServe(index, TOKEN);
    pages = await new TestServer().start();
    // The team speech copied by a county (names and figures changed): only the team corpus has its source.
    const copy = perturb(teamSpeech.body).text.replaceAll(teamSpeech.place, '清水县');
    pageUrl = pages.serve(
      '/team/ff-copied.html',
      sitePage({ title: '在清水县工作会议上的讲话', article: paragraphs(copy) }),
    );
    proxy = await new RecordingProxy([pages.origin, serve.url]).start();
    profile = mkdtempSync(join(tmpdir(), 'suyuan-ff-team-'));
    const xpi = `${profile}.xpi`;
    await packXpi(build.dir, xpi);
    await launch(xpi);
    rmSync(xpi, { force: true });
  }, 600_000);

  afterAll(async () => {
    await ff?.close().catch(() => {});
    await proxy?.stop();
    await pages?.stop();
    serve?.stop();
    await dropIndex(index);
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('with no team server set: a speech with no known source, and no request leaves the browser', async () => {
    await waitFor('the badge marking a speech', async () => ((await badge()) === '讲' ? true : null), {
      timeout: 120_000,
    });
    await waitFor('the local analysis in the sidebar', async () => (await compareText()).length > 20);
    expect(await compareText()).not.toContain(teamSpeech.title);
    // The proxy does see the browser's requests: the page itself came through it.
    expect(proxy.seen.map((r) => r.url)).toContain(pageUrl);
    expect(toServer()).toEqual([]);
    expect(elsewhere()).toEqual([]);
    expect(await grantedOrigins()).toEqual([]);
    const own = proxy.seen.filter((r) => FIREFOX_HOUSEKEEPING.test(r.url));
    console.log(
      `Firefox, no team server: the proxy saw ${proxy.seen.length} requests: ` +
        `${proxy.other(serve.url).length - own.length} to the page's server, 0 to the team server, ` +
        `${own.length} of Firefox's own (${[...new Set(own.map((r) => new URL(r.url).host))].join(', ') || 'none'}), 0 else`,
    );
  });

  it('"connect" asks Firefox for that one address; denied, nothing is sent', async () => {
    await openSettings();
    await fillTeamFields(serve.url, TOKEN);
    const text = await connectAnswering('deny');
    const port = new URL(serve.url).port;
    expect(text).toContain(`127.0.0.1:${port}`);
    const state = await waitFor('the refusal in the settings', async () => {
      const s = await teamState();
      return /出错|已连接/.test(s) ? s : null;
    });
    expect(state).toContain('浏览器未授予访问该地址的权限');
    expect(await grantedOrigins()).toEqual([]);
    expect(toServer()).toEqual([]);
    expect(elsewhere()).toEqual([]);
  });

  it('allowed: only the team server is asked, and the page source only it holds is found', async () => {
    const port = new URL(serve.url).port;
    const text = await connectAnswering('allow');
    console.log(`Firefox's prompt: "${text}"`);
    const state = await waitFor(
      'the team server connected',
      async () => {
        const s = await teamState();
        return /已连接|出错/.test(s) ? s : null;
      },
      { timeout: 120_000 },
    );
    expect(state).toBe(`已连接：团队语料库共 ${TEAM_DOCS} 篇（opensearch）`);
    expect(await grantedOrigins()).toEqual([`http://127.0.0.1:${port}/*`]);
    await ff.inSidebar(async () => document.querySelector('#sy-set-team-state')?.scrollIntoView({ block: 'center' }));
    save('firefox-sidebar-team-settings.png', await ff.shot('sidebar'));

    const shown = await teamBadge();
    await backToCompare();
    await waitFor('the team source among the candidates', async () => (await compareText()).includes(teamSpeech.title));
    const first = await ff.inSidebar(async () => {
      const c = document.querySelector('#sy-panel-compare .candidate') as HTMLElement;
      return { text: c.innerText, tag: c.querySelector('.team-tag')?.textContent ?? null };
    });
    expect(first.text).toContain(teamSpeech.title);
    expect(first.tag).toBe('团队');
    const marks = await page.evaluate(
      () => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('suyuan-reuse')?.size ?? 0,
    );
    expect(marks).toBeGreaterThan(0);
    // The first candidate (with its "团队" tag) in view, and two frames painted, before the picture.
    await ff.inSidebar(async () => {
      document.querySelector('#sy-panel-compare .candidate')!.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    save('firefox-sidebar-team-compare.png', await ff.shot('sidebar'));
    // The page's marks (puppeteer's picture: the window snapshot does not repaint the sidebar's
    // tag and bar, so the sidebar has its own picture above).
    await page.evaluate(() => window.scrollTo(0, 0));
    save('firefox-page-team.png', await page.screenshot());

    // The team document opens in the reader, its text from the server.
    await ff.inSidebar(async () => {
      const li = document.querySelector('#sy-panel-compare .candidates li')!;
      const read = [...li.querySelectorAll('button')].find((b) => /阅读全文/.test(b.textContent ?? ''));
      (read as HTMLElement).click();
    });
    await waitFor('the team document in the reader', async () =>
      ff.inSidebar(async () => (document.querySelector('.reader')?.textContent ?? '').includes('同志们')),
    );
    // A phrase only the team speech has: the team's hits are merged into the lookup.
    expect(await lookUp(TEAM_PHRASE)).toContain(teamSpeech.title);
    const asked = toServer();
    console.log(
      `Firefox team corpus: badge ${shown}, ${marks} reuse marks; ${asked.length} requests to the server: ` +
        [...new Set(asked.map((r) => `${r.method} ${new URL(r.url).pathname}`))].join(', '),
    );
    expect(asked.every((r) => r.passed)).toBe(true);
    const paths = new Set(asked.map((r) => new URL(r.url).pathname));
    for (const p of ['/v1/health', '/v1/analyse', '/v1/doc', '/v1/lookup']) expect(paths).toContain(p);
    expect(elsewhere()).toEqual([]);
  });

  it('after a browser restart: still connected, the permission kept, only that server asked', async () => {
    const port = new URL(serve.url).port;
    const asked = toServer().length;
    await ff.close();
    await launch();
    expect(await grantedOrigins()).toEqual([`http://127.0.0.1:${port}/*`]);
    const shown = await teamBadge();
    await waitFor('the team source in the sidebar', async () => (await compareText()).includes(teamSpeech.title));
    const after = toServer().slice(asked);
    console.log(`Firefox after a restart: badge ${shown}; ${after.length} requests to the server`);
    expect(after.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toContain('POST /v1/analyse');
    expect(elsewhere()).toEqual([]);
  });

  it('turned off: the permission is removed and the server is asked no more', async () => {
    await openSettings();
    await ff.inSidebar(async () => (document.querySelector('#sy-set-team-off') as HTMLElement).click());
    await waitFor('the team corpus off', async () => /未连接/.test(await teamState()));
    await waitFor('the permission removed', async () => (await grantedOrigins()).length === 0);
    const before = toServer().length;
    const loads = proxy.seen.filter((r) => r.url === pageUrl).length;
    await page.reload({ waitUntil: 'load' });
    expect(proxy.seen.filter((r) => r.url === pageUrl).length).toBeGreaterThan(loads);
    await waitFor(
      'the badge back to a speech with no known source',
      async () => ((await badge()) === '讲' ? true : null),
      {
        timeout: 120_000,
      },
    );
    await backToCompare();
    await waitFor('the sidebar without the team source', async () => {
      const t = await compareText();
      return t.length > 20 && !t.includes(teamSpeech.title);
    });
    save('firefox-sidebar-team-off.png', await ff.shot('sidebar'));
    expect(await lookUp(TEAM_PHRASE)).toEqual([]);
    expect(toServer().length).toBe(before);
    expect(elsewhere()).toEqual([]);
  });
});
