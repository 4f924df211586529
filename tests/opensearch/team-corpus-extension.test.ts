// End to end: the extension pointed at `suyuan serve` over a real OpenSearch finds a page's source
// that exists only in the team corpus. The team speech is one the project writes itself
// (tests/fixtures/synthetic-speech), so no bundled document holds it; the page is a copy of it with
// names and numbers changed. The extension asks the server only after the user connected it in
// the settings, and then only that server (the privacy check of tests/e2e covers the default).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useHarness, waitFor, type Harness } from '../e2e/harness';
import { paragraphs, perturb, sitePage } from '../e2e/pages';
import { foreignRequests } from '../e2e/expectations';
import { dropIndex, freshIndex, skip } from './helpers';
import { indexTeamCorpus, startServe, teamSpeech, TEAM_DOCS, type ServeProcess } from './team-server';

const TOKEN = 'e2e-team-token';
const team = teamSpeech;
const index = freshIndex('team-e2e');
let serve: ServeProcess | undefined;
let serveUrl = '';

describe.skipIf(skip)('the extension with a team corpus on suyuan serve (OpenSearch)', () => {
  beforeAll(async () => {
    await indexTeamCorpus(index);
    serve = await startServe(index, TOKEN);
    serveUrl = serve.url;
  }, 300_000);

  afterAll(async () => {
    serve?.stop();
    await dropIndex(index);
  });

  let page: Awaited<ReturnType<Harness['open']>>;
  const harness = useHarness(async (h) => {
    const copy = perturb(team.body).text.replaceAll(team.place, '清水县');
    page = await h.open(
      h.server.serve('/team/copied.html', sitePage({ title: '在清水县工作会议上的讲话', article: paragraphs(copy) })),
    );
  });

  it('finds nothing locally, then the team source once the server is connected', async () => {
    const h = harness();
    await waitFor('the page to be marked as a speech', async () => (await h.badgeText(page)) === '讲');
    const panel = await h.open(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await page.bringToFront();
    const compare = panel.locator('#sy-panel-compare');
    // Locally: the page's analysis is there, and no source of it.
    await waitFor('the local analysis in the panel', async () => (await compare.innerText()).length > 20);
    expect(await compare.innerText()).not.toContain(team.title);
    expect(await h.badgeText(page)).toBe('讲');
    expect(foreignRequests(h)).toEqual([]);
    await panel.getByRole('button', { name: '设置' }).click();
    await panel.locator('#sy-set-team-url').fill(serveUrl);
    await panel.locator('#sy-set-team-token').fill(TOKEN);
    // Headless Chromium cannot show the permission prompt, so nothing could click "Allow": the
    // panel's request goes to this stand-in, which records what was asked and answers as a user
    // who allowed it. Everything after (the background's requests, CORS, the merge) is real.
    await panel.evaluate(() => {
      const perms = (globalThis as unknown as { chrome: { permissions: Record<string, unknown> } }).chrome.permissions;
      const asked: unknown[] = [];
      (globalThis as unknown as { askedOrigins: unknown[] }).askedOrigins = asked;
      perms.request = async (p: unknown) => (asked.push(p), true);
    });
    await panel.locator('#sy-set-team-connect').click();
    const state = await waitFor('the team server connected', async () => {
      const s = await panel.locator('#sy-set-team-state').innerText();
      return /已连接|错误|Error/.test(s) ? s : null;
    });
    expect(state).toMatch(new RegExp(`已连接：团队语料库共 ${TEAM_DOCS} 篇（opensearch）`));
    const port = new URL(serveUrl).port;
    expect(await panel.evaluate(() => (globalThis as unknown as { askedOrigins: unknown[] }).askedOrigins)).toEqual([
      { origins: [`http://127.0.0.1:${port}/*`] },
    ]);
    await panel.locator('#sy-set-team-state').scrollIntoViewIfNeeded();
    await screenshot(panel, 'panel-team-settings');

    await waitFor('the badge to show the team reuse', async () => {
      const b = await h.badgeText(page);
      return /^\d+%$/.test(b) && Number.parseInt(b, 10) >= 50 ? b : null;
    });
    await panel.getByRole('button', { name: /返回/ }).click();
    await waitFor('the team source among the candidates', async () => (await compare.innerText()).includes(team.title));
    const first = compare.locator('.candidate').first();
    expect(await first.innerText()).toContain(team.title);
    expect(await first.locator('.team-tag').innerText()).toBe('团队');
    await screenshot(panel, 'panel-team-compare');

    // Open the team document: its text comes from the server.
    await compare.locator('.candidates li').first().getByRole('button', { name: '阅读全文' }).click();
    const reader = panel.locator('.reader');
    await waitFor('the team document in the reader', async () => (await reader.innerText()).includes('同志们'));

    // Every request left for the team server only.
    const others = foreignRequests(h).filter((r) => !r.url.startsWith(`${serveUrl}/`));
    expect(others).toEqual([]);
  });
});
