// Imports are idempotent by content: a document's id comes from its text, so a batch sent again
// (after the worker stopped mid-import) or a file imported twice is never stored twice, and the
// report counts what IndexedDB holds at the end.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importFiles } from '../../../components/corpus/import-files';
import { zhCN } from '../../../components/i18n/zh-CN';
import type { SuyuanService } from '../../../extension/protocol';
import { contentId } from '../../../extension/storage/user-docs';
import { testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const speech = (i: number) =>
  `第${i}次全体会议讲话\n\n同志们：今天召开第${i}次全体会议，主要任务是总结工作、部署任务。` +
  `我们要坚持问题导向，抓好第${i}项重点工作的落实，确保各项任务按期完成。`.repeat(4);

const file = (i: number) => ({
  name: `speech-${i}.txt`,
  arrayBuffer: async () => new TextEncoder().encode(speech(i)).buffer as ArrayBuffer,
});

describe('idempotent imports', () => {
  it('the same text added twice is stored once, under an id from its text', async () => {
    const bg = testBackground();
    const [a] = await bg.service.addDocs([{ title: '甲', body: speech(1) }]);
    const [b] = await bg.service.addDocs([
      { title: '乙', body: speech(1) },
      { title: '丙', body: speech(1) },
    ]);
    expect(a!.id).toBe(contentId(speech(1)));
    expect(b!.id).toBe(a!.id);
    expect(await bg.store.count()).toBe(1);
    expect(contentId(speech(2))).not.toBe(a!.id);
  });

  it('a worker that stops mid-import: the report counts what is stored, and nothing is stored twice', async () => {
    const bg = testBackground();
    let calls = 0;
    // Every third call is lost after the background wrote the batch (the worker stopped before
    // answering); every third is lost before it arrived.
    const flaky: Pick<SuyuanService, 'addDocs'> = {
      async addDocs(docs) {
        const n = calls++ % 3;
        if (n === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
        const out = await bg.service.addDocs(docs);
        if (n === 1) throw new Error('The message port closed before a response was received.');
        return out;
      },
    };
    const files = Array.from({ length: 65 }, (_, i) => file(i));
    const stored = async (ids: string[]) => new Set(await bg.service.storedIds(ids));
    const report = await importFiles(files, flaky, zhCN, () => {}, stored);
    const count = await bg.store.count();
    expect(report.added).toHaveLength(count);
    expect(report.added.length + report.errors.length).toBe(files.length);
    expect(new Set(report.added.map((d) => d.id)).size).toBe(report.added.length);
    // Importing everything again adds nothing.
    const again = await importFiles(files, bg.service, zhCN, () => {}, stored);
    expect(again.added).toHaveLength(files.length);
    expect(await bg.store.count()).toBe(files.length);
  });

  it('a call the stopped worker never answers is checked against the store, not waited on for good', async () => {
    const bg = testBackground();
    let calls = 0;
    // The second batch is written and then never answered (Chromium can leave the message
    // pending when the worker is stopped inside the handler); the third is never delivered.
    const hanging: Pick<SuyuanService, 'addDocs'> = {
      async addDocs(docs) {
        const n = calls++;
        if (n === 2) return new Promise(() => {});
        const out = await bg.service.addDocs(docs);
        if (n === 1) return new Promise(() => {});
        return out;
      },
    };
    const files = Array.from({ length: 65 }, (_, i) => file(i));
    const stored = async (ids: string[]) => bg.store.existing(ids);
    const report = await importFiles(files, hanging, zhCN, () => {}, stored, 50);
    expect(await bg.store.count()).toBe(files.length);
    expect(report.added).toHaveLength(files.length);
    expect(report.errors).toEqual([]);
  });
});
