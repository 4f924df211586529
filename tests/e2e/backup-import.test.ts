// Backups of any size and imports that survive the worker stopping, in the real panel: an import
// during which the MV3 worker is stopped again and again reports exactly what IndexedDB holds and
// stores nothing twice; a corpus whose backup is larger than Chrome's 64 MiB message limit is
// exported and restored through the panel, every document byte for byte.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { useHarness, waitFor, type Harness } from './harness';

let h: Harness;
let panel: Page;
const scratch = mkdtempSync(join(tmpdir(), 'suyuan-backup-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const harness = useHarness(async (started) => {
  panel = await started.open(`chrome-extension://${started.extensionId}/sidepanel.html`);
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('tab', { name: '语料库' }).click();
  // The corpus list comes from the background, which has then created the database.
  await waitFor('the corpus list', async () =>
    /显示 \d+ \/ \d+ 篇/.test(await panel.locator('#sy-panel-corpus').innerText()),
  );
});
beforeEach(() => {
  h = harness();
});

const corpus = () => panel.locator('#sy-panel-corpus');

/** Records in the user database, read in the panel page (same extension origin as the worker). */
function storedCount(): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('suyuan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('docs').objectStore('docs').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

function speech(i: number): string {
  return (
    `第${i}次全体会议讲话\n\n同志们：今天召开第${i}次全体会议，主要任务是总结工作、部署任务。\n` +
    `我们要坚持问题导向，抓好第${i}项重点工作的落实，确保各项任务按期完成，以实际行动推动高质量发展。\n`.repeat(6)
  );
}

describe('an import while the worker keeps stopping', () => {
  it('reports exactly what is stored and stores nothing twice', async () => {
    const files = Array.from({ length: 160 }, (_, i) => ({
      name: `会议讲话-${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(speech(i)),
    }));
    const before = await storedCount();
    const cdp = await h.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    let stops = 0;
    let importing = true;
    const stopper = (async () => {
      while (importing) {
        await new Promise((r) => setTimeout(r, 150));
        await cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
        stops++;
      }
    })();
    await corpus().locator('input[type=file][multiple]').setInputFiles(files);
    const report = await waitFor(
      'the import report',
      async () => {
        const text = await corpus().innerText();
        return /已导入 (\d+) 篇/.exec(text)?.[1] !== undefined ? text : null;
      },
      { timeout: 90_000 },
    );
    importing = false;
    await stopper;
    expect(stops).toBeGreaterThan(2);
    const reported = Number(/已导入 (\d+) 篇/.exec(report)![1]);
    const failed = (await corpus().locator('.import-report .error li').count()) || 0;
    const stored = (await storedCount()) - before;
    expect(reported).toBe(stored);
    expect(reported + failed).toBe(files.length);
    // The same files again: nothing is stored twice.
    await corpus().locator('input[type=file][multiple]').setInputFiles(files);
    await waitFor('the second report', async () => (await corpus().innerText()).includes(`已导入 ${files.length} 篇`), {
      timeout: 90_000,
    });
    expect((await storedCount()) - before).toBe(files.length);
  });
});

describe('a backup larger than 64 MiB', () => {
  it('is exported and restored through the panel, every document byte for byte', async () => {
    // Written straight into IndexedDB in the panel page: 520 documents of about 31,500 characters,
    // a Chinese paragraph and a long run of quotes, backslashes and control characters (JSON
    // writes those as escapes up to six bytes long, so the file passes 64 MiB while the engine
    // has little text to index).
    const digests = await panel.evaluate(async () => {
      const tail = '\u0001"\\\u001f\u0002'.repeat(6000);
      const records = Array.from({ length: 520 }, (_, i) => ({
        id: `user/big-${i}.md`,
        title: `大文件${i}`,
        body: `第${i}篇：同志们，今天我们召开会议，研究部署第${i}项工作。`.repeat(60) + tail + String(i),
        origin: 'user',
        addedAt: 1_000 + i,
      }));
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('suyuan');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (let i = 0; i < records.length; i += 50) {
        const tx = db.transaction('docs', 'readwrite');
        for (const r of records.slice(i, i + 50)) tx.objectStore('docs').put(r);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
      const digest = async (r: object) =>
        Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(r)))))
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
      return Promise.all(records.map(digest));
    });

    const download = panel.waitForEvent('download', { timeout: 120_000 });
    await corpus().getByRole('button', { name: '导出备份' }).click();
    const file = join(scratch, 'backup.json');
    await (await download).saveAs(file);
    expect(statSync(file).size).toBeGreaterThan(64 * 1024 * 1024);
    await waitFor('the export notice', async () => /已导出 \d+ 篇/.test(await corpus().innerText()));

    // An empty user corpus, then the restore.
    await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('suyuan');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('docs', 'readwrite');
      tx.objectStore('docs').clear();
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    expect(await storedCount()).toBe(0);
    await corpus().locator('input[type=file][accept*=json]').setInputFiles(file);
    const preview = panel.getByRole('dialog');
    await waitFor('the restore preview', () => preview.isVisible(), { timeout: 120_000 });
    expect(await preview.innerText()).toContain('新增 680 篇');
    await preview.getByRole('button', { name: '开始恢复' }).click();
    await waitFor('the restore summary', async () => (await corpus().innerText()).includes('已恢复：新增 680 篇'), {
      timeout: 120_000,
    });

    const after = await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('suyuan');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const out: string[] = [];
      for (let i = 0; i < 520; i++) {
        const r = await new Promise<unknown>((resolve) => {
          const req = db.transaction('docs').objectStore('docs').get(`user/big-${i}.md`);
          req.onsuccess = () => resolve(req.result);
        });
        const bytes = new TextEncoder().encode(JSON.stringify(r));
        out.push(
          Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
            .map((b) => b.toString(16).padStart(2, '0'))
            .join(''),
        );
      }
      db.close();
      return out;
    });
    expect(after).toEqual(digests);
  });
});
