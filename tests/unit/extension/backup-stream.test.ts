// Backups streamed in the panel: the reader splits a file at any chunk boundary exactly as
// JSON.parse reads it, old backups still restore, a restore names what it will change before
// writing, and the restore semantics (issue 13, fault 13).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../extension/settings';
import { BackupError } from '../../../extension/storage/backup-error';
import { BackupReader } from '../../../extension/storage/backup-reader';
import { applyRestore, exportBackupBlob, planRestore, streamBackup } from '../../../extension/storage/backup-stream';
import { portableSettings } from '../../../extension/storage/backup';
import type { UserDocRecord } from '../../../extension/storage/db';
import { UserDocStore } from '../../../extension/storage/user-docs';
import { MESSAGES } from '../../../components/i18n/i18n';

beforeEach(() => {
  fakeBrowser.reset();
});

let n = 0;
const freshStore = () => new UserDocStore(`backup-stream-${++n}-${Date.now()}`);

const doc = (
  i: number,
  body = `第${i}篇：同志们，今天我们召开会议。\n"引号"与\\反斜杠 ${'发展'.repeat(i % 7)}`,
): UserDocRecord => ({
  id: `user/${i}.md`,
  title: `标题${i}`,
  body,
  origin: 'user',
  addedAt: 1_000 + i,
});

/** A backup exactly as version 1 of the extension wrote it (serializeBackup: JSON, one-space indent). */
const OLD_BACKUP = JSON.stringify(
  {
    format: 'suyuan-backup',
    version: 1,
    exportedAt: '2026-11-01T08:00:00.000Z',
    settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], minPassageLength: 30 },
    docs: [doc(1), { ...doc(2), date: '2024-05-01', place: '北京', source: 'https://example.gov.cn/a' }],
  },
  null,
  1,
);

function readAll(text: string, cuts: number[]) {
  const fields: Record<string, unknown> = {};
  const docs: unknown[] = [];
  const r = new BackupReader({ field: (k, v) => (fields[k] = v), doc: (v) => docs.push(v) });
  let at = 0;
  for (const c of [...cuts, text.length]) {
    r.push(text.slice(at, c));
    at = c;
  }
  r.end();
  return { fields, docs };
}

describe('BackupReader', () => {
  it('reads a file cut anywhere exactly as JSON.parse does', () => {
    const parsed = JSON.parse(OLD_BACKUP) as { docs: unknown[] };
    fc.assert(
      fc.property(fc.array(fc.nat({ max: OLD_BACKUP.length }), { maxLength: 12 }), (raw) => {
        const cuts = [...new Set(raw)].sort((a, b) => a - b);
        const { fields, docs } = readAll(OLD_BACKUP, cuts);
        expect(docs).toEqual(parsed.docs);
        expect({ ...fields, docs }).toEqual(parsed);
      }),
    );
  });

  it.each([
    ['a cut-off file', OLD_BACKUP.slice(0, -30), 'notJson'],
    ['an array', '[1, 2]', 'notObject'],
    ['no docs', '{"format":"suyuan-backup","version":1}', 'noDocs'],
    ['docs not a list', '{"format":"suyuan-backup","docs":{}}', 'docsList'],
    ['junk after the object', OLD_BACKUP + 'x', 'notJson'],
  ])('refuses %s', (_name, text, code) => {
    expect(() => readAll(text, [7])).toThrow(expect.objectContaining({ code }) as Error);
  });
});

async function fileOf(text: string): Promise<Blob> {
  return new Blob([text], { type: 'application/json' });
}

describe('streamed restore and export', () => {
  it('restores a backup written by the old export (the format only ever grows)', async () => {
    const store = freshStore();
    const counts = await applyRestore(await fileOf(OLD_BACKUP), store, { replaceNewer: false }, () => {});
    expect(counts).toMatchObject({ added: 2, replaced: 0 });
    const old = JSON.parse(OLD_BACKUP) as { docs: UserDocRecord[] };
    expect(await store.list()).toEqual(old.docs);
  });

  it('export then restore gives every document back byte for byte, with progress', async () => {
    const a = freshStore();
    const docs = Array.from({ length: 250 }, (_, i) => doc(i));
    await a.restore(docs);
    const seen: number[] = [];
    const blob = await exportBackupBlob(a, DEFAULT_SETTINGS, new Date(0), (done) => seen.push(done));
    expect(seen.at(-1)).toBe(250);
    const b = freshStore();
    const batches: number[] = [];
    const head = await streamBackup(
      blob,
      async (d) => void batches.push(d.length),
      () => {},
    );
    // Every setting but the device-only team server and token (backup.test.ts checks those).
    expect(head.settings).toEqual(portableSettings(DEFAULT_SETTINGS));
    expect(Object.keys(DEFAULT_SETTINGS).length - Object.keys(head.settings).length).toBe(2);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(250);
    await applyRestore(blob, b, { replaceNewer: false }, () => {});
    expect(await b.list()).toEqual(await a.list());
  });

  it('previews without writing: added, replaced, newer local copies kept, unchanged, settings named', async () => {
    const store = freshStore();
    // user/1: identical; user/2: a newer local body; user/3: an older local body.
    const old = JSON.parse(OLD_BACKUP) as { docs: UserDocRecord[] };
    const newer = { ...old.docs[1]!, body: '本地改过的新版本正文', addedAt: 9_999 };
    await store.restore([old.docs[0]!, newer, { ...doc(3), addedAt: 1 }]);
    const text = JSON.stringify({
      ...JSON.parse(OLD_BACKUP),
      docs: [...old.docs, { ...doc(3), body: '备份里的' }, doc(4)],
    });
    const current = { ...DEFAULT_SETTINGS };
    const plan = await planRestore(await fileOf(text), store, current, () => {});
    expect(plan).toMatchObject({ added: 1, replaced: 1, unchanged: 1, keptNewer: 1 });
    expect(plan.settingsChanged.sort()).toEqual(['disabledSites', 'minPassageLength']);
    expect(await store.get('user/4.md')).toBeUndefined();
    // The newer local body is kept unless the user asks otherwise.
    await applyRestore(await fileOf(text), store, { replaceNewer: false }, () => {});
    expect((await store.get('user/2.md'))!.body).toBe('本地改过的新版本正文');
    expect((await store.get('user/3.md'))!.body).toBe('备份里的');
    await applyRestore(await fileOf(text), store, { replaceNewer: true }, () => {});
    expect((await store.get('user/2.md'))!.body).toBe(old.docs[1]!.body);
  });

  it('refuses settings named __proto__ or constructor, naming them, in every interface language', async () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const text = `{"format":"suyuan-backup","version":1,"exportedAt":"2026-01-01T00:00:00Z","settings":{"${key}":{}},"docs":[]}`;
      const err = await streamBackup(
        await fileOf(text),
        async () => {},
        () => {},
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect(err).toMatchObject({ code: 'settings', params: { field: key } });
      const e = err as BackupError;
      expect(MESSAGES['zh-CN'].backupError(e.code, e.params)).toContain(key);
      expect(MESSAGES['zh-CN'].backupError(e.code, e.params)).toMatch(/设置项/);
      expect(MESSAGES['zh-TW'].backupError(e.code, e.params)).toMatch(/設定項/);
    }
  });

  it('every backup error has its own text in every interface language', () => {
    const codes = [
      'notJson',
      'notObject',
      'format',
      'version',
      'newer',
      'exportedAt',
      'settings',
      'docsList',
      'noDocs',
      'docNotObject',
      'docField',
      'docValue',
      'duplicate',
    ] as const;
    for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
      const texts = codes.map((c) => MESSAGES[lang].backupError(c, { index: 0, field: 'x', version: 2, id: 'user/a' }));
      expect(new Set(texts).size).toBe(codes.length);
      if (lang !== 'en') for (const t of texts) expect(t).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
