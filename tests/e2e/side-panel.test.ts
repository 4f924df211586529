// The side panel after a copied speech was analysed: comparison, boilerplate, lookup and corpus
// views, plus the context-menu lookup. The panel page is opened as a tab at side-panel width; it
// follows the active tab of its window, so bringing the speech tab to the front points it there.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  attachToTarget,
  highlights,
  screenshot,
  useHarness,
  waitFor,
  type Harness,
  type WorkerGlobal,
} from './harness';
import { visibleCard } from './card';
import { FORMULA_HIGHLIGHT, MENU_ID, REUSE_HIGHLIGHT, VIEW_MENU_ID, expectNoForeignRequests } from './expectations';
import { paragraphs, perturb, sitePage } from './pages';
import { bundled, report, seedSpeech } from './texts';
import { docxOf } from '../fixtures/docx';

let h: Harness;
let speech: Page;
let panel: Page;
const seed = seedSpeech(0);

/** Bundled documents whose body contains `phrase` verbatim: a plain scan, the oracle for lookup. */
function docsContaining(phrase: string): number {
  return [...bundled('seeds'), ...bundled('reports')].filter((d) => d.body.includes(phrase)).length;
}

/** The `nth` six-character phrase from the middle of a bundled report that several bundled
 *  documents use (distinct phrases keep one test's results from satisfying the next). */
function corpusPhrase(nth = 0): string {
  const body = report(0).body;
  let seen = 0;
  for (const run of body.slice(Math.floor(body.length / 2)).match(/[\u4e00-\u9fff]{6,}/g) ?? []) {
    for (let i = 0; i + 6 <= run.length; i++) {
      const phrase = run.slice(i, i + 6);
      if (docsContaining(phrase) >= 3 && seen++ === nth) return phrase;
    }
  }
  throw new Error('no six-character phrase of the report occurs in 3+ bundled documents');
}

/** A paragraph of a national work report appended to the copied seed: the page has two sources. */
const borrowed = (() => {
  const body = report(3).body;
  const from = body.indexOf('\n', Math.floor(body.length / 3)) + 1;
  return body.slice(from, from + 400);
})();

async function showView(label: string, panelId: string): Promise<void> {
  await panel.getByRole('tab', { name: label }).click();
  await waitFor(`the ${label} view`, () => panel.locator(`#${panelId}`).isVisible());
}

const harness = useHarness(async (started) => {
  speech = await started.open(
    started.server.serve(
      '/fanwen/panel-speech.html',
      sitePage({ title: seed.title, article: paragraphs(`${perturb(seed.body).text}\n${borrowed}`) }),
    ),
  );
  await waitFor(
    'reuse highlights on the speech page',
    async () => ((await highlights(speech, REUSE_HIGHLIGHT)).sizes[REUSE_HIGHLIGHT] ?? 0) > 0,
  );
  panel = await started.open(`chrome-extension://${started.extensionId}/sidepanel.html`);
  await panel.setViewportSize({ width: 420, height: 900 });
  await speech.bringToFront();
});
beforeEach(() => {
  h = harness();
});

describe('side panel', () => {
  it('compares the page with the speech it copies', async () => {
    const compare = panel.locator('#sy-panel-compare');
    await waitFor('the seed among the candidates', async () => (await compare.innerText()).includes(seed.title));
    await expect.poll(() => compare.locator('.candidate').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await compare.locator('[role=alert]').count()).toBe(0);
    await screenshot(panel, 'panel-compare');
    // Both sources' passages in page order, each card naming its source.
    await compare.getByRole('radio', { name: '全部来源' }).click();
    const sources = await compare.locator('.passage .p-source').allInnerTexts();
    expect(new Set(sources).size).toBeGreaterThanOrEqual(2);
    expect(sources.some((t) => t.includes(seed.title))).toBe(true);
    await compare.locator('.passage').last().scrollIntoViewIfNeeded();
    await screenshot(panel, 'panel-compare-all-sources');
    await compare.getByRole('radio', { name: '所选来源' }).click();
  });

  it('lists the boilerplate phrases of the page', async () => {
    await showView('套话', 'sy-panel-boilerplate');
    const phrases = panel.locator('#sy-panel-boilerplate .phrase');
    await waitFor('boilerplate phrases', async () => (await phrases.count()) > 0);
    const first = (await phrases.first().locator('.phrase-text').innerText()).trim();
    expect(first.length).toBeGreaterThan(1);
    await screenshot(panel, 'panel-boilerplate');
  });

  it('looks a phrase up across the corpus', async () => {
    await showView('查找', 'sy-panel-lookup');
    const phrase = corpusPhrase();
    const input = panel.getByRole('searchbox', { name: '查找词句' });
    await input.fill(phrase);
    await input.press('Enter');
    const lookup = panel.locator('#sy-panel-lookup');
    const status = await waitFor('lookup hits', async () => {
      const text = await lookup
        .locator('.meta[role=status]')
        .first()
        .innerText()
        .catch(() => '');
      return /共 [1-9]\d* 处/.test(text) ? text : null;
    });
    const expected = docsContaining(phrase);
    console.log(`lookup "${phrase}": ${status} (plain scan: ${expected} documents)`);
    // Script-agnostic lookup may find more (Traditional documents), never fewer.
    expect(Number(/分布在 (\d+) 篇/.exec(status)?.[1])).toBeGreaterThanOrEqual(expected);
    expect(await lookup.locator('.kwic-line').first().innerText()).toContain(phrase);
    await screenshot(panel, 'panel-lookup');
  });

  it('shows the whole bundled corpus', async () => {
    await showView('语料库', 'sy-panel-corpus');
    const expected = bundled().length;
    const count = await waitFor('the corpus count', async () => {
      const text = await panel
        .locator('#sy-panel-corpus .meta')
        .filter({ hasText: /显示 \d+ \/ \d+ 篇/ })
        .first()
        .innerText();
      return /\/ (\d+) 篇/.exec(text)?.[1];
    });
    expect(Number(count)).toBeGreaterThanOrEqual(expected);
    await screenshot(panel, 'panel-corpus');
  });
});

describe('from the page to the panel', () => {
  it("hovering a 提法 shows its card with the number of documents holding it, lookup's docs (issue 11)", async () => {
    await speech.bringToFront();
    const marks = await speech.evaluate((name) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
      return [...(h ?? [])].map((r) => r.toString());
    }, FORMULA_HIGHLIGHT);
    expect(marks.length, 'formula marks on the speech page').toBeGreaterThan(0);
    // The longest 提法 on the page: its box is easy to rest on.
    const phrase = [...marks].sort((a, b) => b.length - a.length)[0]!;
    const docs = await panel.evaluate(async (q) => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome;
      const reply = (await c.runtime.sendMessage({ __suyuan: 'service', method: 'lookup', args: [q, 5] })) as {
        value: { docs: number };
      };
      return reply.value.docs;
    }, phrase);
    const seen: string[] = [];
    // Lookup's text is built by now (this file's lookup test, and the call above): the content
    // script was asked to refresh, so the card's count is lookup's. Marks may be redrawn meanwhile,
    // so the pointer is rested on the phrase again each time.
    const card = await waitFor("the 提法 card with lookup's count", async () => {
      await speech.mouse.move(2, 2);
      const box = await speech.evaluate(
        ({ name, phrase }) => {
          const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
          const range = [...(h ?? [])].find((r) => r.toString() === phrase);
          if (!range) return null;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const r = range.getClientRects()[0]!;
          return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
        },
        { name: FORMULA_HIGHLIGHT, phrase },
      );
      if (!box) return null;
      await speech.mouse.move(box.x, box.y);
      await speech.mouse.move(box.x + 1, box.y);
      await new Promise((r) => setTimeout(r, 600));
      const c = await visibleCard(speech);
      if (c) seen.push(c.meta);
      return c?.title === '套话提法' && c.meta === `${phrase} · 语料库中 ${docs} 篇讲话使用` ? c : null;
    });
    console.log(`提法 card: ${JSON.stringify(card)}; lookup docs ${docs}; cards seen ${JSON.stringify(seen)}`);
    expect(docs).toBeGreaterThanOrEqual(1);
    expect(card.open).toBeNull();
    await screenshot(speech, 'page-formula-card');
    await speech.mouse.move(2, 2);
  });

  it('hovering a highlight shows the source card; clicking it selects that passage in the panel', async () => {
    await panel.getByRole('tab', { name: '比对' }).click();
    await speech.bringToFront();
    const box = await speech.evaluate((name) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
      const range = h ? [...h][0] : undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range?.getClientRects()[0];
      return r ? { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 } : null;
    }, REUSE_HIGHLIGHT);
    expect(box, 'a reuse highlight on the page').not.toBeNull();
    await speech.mouse.move(box!.x, box!.y);
    await speech.mouse.move(box!.x + 2, box!.y);
    // The card opens below and right of the pointer (pointer + 12 px, + 16 px); wait for it, then click it.
    // Our UI host is a plain div marked data-suyuan-ui (no custom element in the page's registry).
    const host = await waitFor('the hover card', async () => {
      const at = await speech.evaluate(
        ({ x, y }) => document.elementFromPoint(x + 30, y + 30)?.hasAttribute('data-suyuan-ui') ?? false,
        box!,
      );
      return at ? 'host' : null;
    });
    expect(host).toBe('host');
    await screenshot(speech, 'page-hover-card');
    await speech.mouse.click(box!.x + 30, box!.y + 30);
    await waitFor(
      'a passage selected in the panel',
      async () => (await panel.locator('#sy-panel-compare .passage[aria-current=true]').count()) === 1,
    );
    // The click is a user gesture on the page: the background's sidePanel.open() for the tab must
    // have opened the real side panel (a second sidepanel.html target besides the panel tab).
    const real = await attachToTarget(h.context, speech, '/sidepanel.html', [panel]);
    const shown = await waitFor('the passage selected in the real side panel', async () =>
      (await real.evaluate<number>(
        `document.querySelectorAll('#sy-panel-compare .passage[aria-current=true]').length`,
      )) === 1
        ? 'yes'
        : null,
    );
    expect(shown).toBe('yes');
    await real.screenshot('panel-real-from-hover-card');
  });
});

describe('corpus import', () => {
  it('imports a Word file and a GBK text file into the user corpus, in the real panel', async () => {
    await showView('语料库', 'sy-panel-corpus');
    const corpus = panel.locator('#sy-panel-corpus');
    const countNow = async () =>
      Number(
        /\/ (\d+) 篇/.exec(
          await corpus
            .locator('.meta')
            .filter({ hasText: /显示 \d+ \/ \d+ 篇/ })
            .first()
            .innerText(),
        )?.[1],
      );
    const before = await waitFor('the corpus count', async () => (await countNow()) || null);
    const lines = seedSpeech(2)
      .body.split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(2, 10);
    const docx = Buffer.from(await docxOf(['导入测试：组织工作讲话', ...lines]));
    const { default: iconv } = await import('iconv-lite');
    const gbk = iconv.encode(`导入测试：GBK 文本\n${lines.join('\n')}`, 'gbk');
    await corpus.locator('input[type=file][multiple]').setInputFiles([
      {
        name: '讲话.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docx,
      },
      { name: '讲话-gbk.txt', mimeType: 'text/plain', buffer: gbk },
    ]);
    await waitFor('the import report', async () => (await corpus.innerText()).includes('已导入 2 篇'));
    await waitFor('two more speeches', async () => (await countNow()) === before + 2);
    const text = await corpus.innerText();
    expect(text).toContain('导入测试：组织工作讲话');
    expect(text).toContain('导入测试：GBK 文本');
    await screenshot(panel, 'panel-corpus-import');
  });
});

describe('the real side panel', () => {
  it('opens beside the speech page and shows its comparison', async () => {
    // sidePanel.open needs a user gesture: a button clicked in an extension page provides one.
    const tabId = await h.tabIdOf(speech);
    await panel.evaluate((id) => {
      const button = document.createElement('button');
      button.id = 'e2e-open-panel';
      button.textContent = 'open';
      button.onclick = () => {
        const c = (globalThis as WorkerGlobal).chrome;
        void c.sidePanel?.open({ tabId: id }).then(
          () => (document.body.dataset.opened = 'yes'),
          (e: unknown) => (document.body.dataset.opened = String(e)),
        );
      };
      document.body.append(button);
    }, tabId);
    await panel.click('#e2e-open-panel');
    expect(await waitFor('sidePanel.open to settle', () => panel.evaluate(() => document.body.dataset.opened))).toBe(
      'yes',
    );
    await speech.bringToFront();
    const real = await attachToTarget(h.context, speech, '/sidepanel.html', [panel]);
    const text = await waitFor('the seed title in the real panel', async () => {
      const t = await real.evaluate<string>(`document.querySelector('#sy-panel-compare')?.innerText ?? ''`);
      return t.includes(seed.title) ? t : null;
    });
    expect(text).toContain(seed.title);
    await real.screenshot('panel-real-side-panel');
  });
});

describe('context menu', () => {
  /** contextMenus has no getter; update() rejects for an id that does not exist. */
  const menuItemExists = (id: string) =>
    h.inWorker(
      (item) =>
        (globalThis as WorkerGlobal).chrome.contextMenus.update(item, {}).then(
          () => true,
          (e: unknown) => String(e),
        ),
      id,
    );

  it('has the lookup item', async () => {
    expect(await menuItemExists(MENU_ID)).toBe(true);
  });

  it('has the "view this passage" item, and the background knows the passage under the pointer (issue 13, fault 1)', async () => {
    expect(await menuItemExists(VIEW_MENU_ID)).toBe(true);
    // A native menu cannot be clicked headless (the Firefox suite clicks it): this checks what its
    // click opens at. The panel asks the background as it does on opening (takePendingPassage),
    // which answers, with no card click pending, the passage the content script reported.
    const tabId = await h.tabIdOf(speech);
    const ask = <T>(method: string, ...args: unknown[]) =>
      panel.evaluate(
        async ({ method, args }) => {
          const c = (globalThis as WorkerGlobal).chrome;
          const reply = (await c.runtime.sendMessage({ __suyuan: 'service', method, args })) as { value: unknown };
          return reply.value;
        },
        { method, args },
      ) as Promise<T>;
    await speech.bringToFront();
    const rest = async (x: number, y: number) => {
      await speech.mouse.move(x, y);
      await speech.mouse.move(x + 1, y);
      await new Promise((r) => setTimeout(r, 600)); // the hover delay is 200 ms
    };
    await rest(2, 2);
    await ask('takePendingPassage', tabId); // drops a card click left by an earlier test
    expect(await ask('takePendingPassage', tabId)).toBeNull();
    // The last mark on the page: the borrowed report paragraph, another passage than the first.
    const at = await speech.evaluate((name) => {
      const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])];
      const range = ranges[ranges.length - 1]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return {
        x: r.left + Math.min(20, r.width / 2),
        y: r.top + r.height / 2,
        words: range.toString().replace(/\s/g, '').slice(0, 8),
      };
    }, REUSE_HIGHLIGHT);
    await rest(at.x, at.y);
    const index = await ask<number | null>('takePendingPassage', tabId);
    const analysis = await ask<{ page: { text: string }; match: { passages: { start: number; end: number }[] } }>(
      'getTabAnalysis',
      tabId,
    );
    expect(index).not.toBeNull();
    expect(index).toBeGreaterThan(0);
    const p = analysis.match.passages[index!]!;
    expect(analysis.page.text.slice(p.start, p.end).replace(/\s/g, '')).toContain(at.words);
    // Still there (the pointer has not moved), and gone once it leaves the marks.
    expect(await ask('takePendingPassage', tabId)).toBe(index);
    await rest(2, 2);
    expect(await ask('takePendingPassage', tabId)).toBeNull();
  });

  it('a menu click with a selection ends in a lookup in the panel', async () => {
    // A native menu cannot be clicked headless, and the handler is not reachable from outside the
    // worker bundle. This drives the same path the handler takes after opening the panel: it
    // leaves the query in session storage and broadcasts the "lookup" panel event; the panel
    // takes the query and runs the lookup through the background service.
    await showView('比对', 'sy-panel-compare');
    const phrase = corpusPhrase(1);
    expect(phrase).not.toBe(corpusPhrase(0));
    await h.inWorker(async (q) => {
      const c = (globalThis as WorkerGlobal).chrome;
      await c.storage.session.set({ pendingLookup: q });
      await c.runtime
        .sendMessage({ __suyuan: 'panel-event', event: { type: 'lookup', query: q } })
        .catch(() => undefined);
    }, phrase);
    const lookup = panel.locator('#sy-panel-lookup');
    await waitFor(
      'the lookup view with the selection',
      async () => (await lookup.isVisible()) && (await lookup.locator('input').inputValue()) === phrase,
    );
    await waitFor('hits for the selection', async () => (await lookup.locator('.kwic-line').count()) > 0);
    // The panel consumed the pending query.
    const left = await h.inWorker(
      async () => (await (globalThis as WorkerGlobal).chrome.storage.session.get('pendingLookup'))['pendingLookup'],
      undefined,
    );
    expect(left ?? null).toBeNull();
  });
});

describe('privacy', () => {
  it('no request left for anywhere but the test server and the extension', () => {
    expectNoForeignRequests(h);
  });
});
