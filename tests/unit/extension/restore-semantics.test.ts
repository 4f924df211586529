// Restore semantics through the background's importBackup (issue 13, fault 13): settings the file
// does not name keep their current value, a newer local body is kept unless the caller asks to
// replace it, and unknown setting names are refused by own-property checks, naming the key.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nonSpeech } from '../../fixtures/corpus';
import { testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const backup = (settings: unknown, docs: unknown[] = []) =>
  JSON.stringify({ format: 'suyuan-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', settings, docs });

describe('restore semantics', () => {
  it('settings: {} keeps disabled sites, ignore phrases and the passage floor', async () => {
    const bg = testBackground();
    const mine = await bg.service.setSettings({
      disabledSites: ['example.com'],
      ignorePhrases: ['同志们'],
      minPassageLength: 60,
    });
    const report = await bg.service.importBackup(backup({}));
    expect(await bg.service.getSettings()).toEqual(mine);
    expect(report.settingsChanged).toEqual([]);
    // A file naming one setting changes that one only.
    const r2 = await bg.service.importBackup(backup({ minPassageLength: 50 }));
    expect(r2.settingsChanged).toEqual(['minPassageLength']);
    expect(await bg.service.getSettings()).toEqual({ ...mine, minPassageLength: 50 });
  });

  it('an older body in the backup does not replace a newer local one unless asked', async () => {
    const bg = testBackground();
    const [meta] = await bg.service.addDocs([{ title: '本地', body: nonSpeech(0) }]);
    const local = (await bg.store.get(meta!.id))!;
    const older = { ...local, body: nonSpeech(1), addedAt: local.addedAt - 60_000 };
    const r = await bg.service.importBackup(backup({}, [older]));
    expect(r).toMatchObject({ added: 0, replaced: 0, keptNewer: 1 });
    expect((await bg.store.get(meta!.id))!.body).toBe(local.body);
    const forced = await bg.service.importBackup(backup({}, [older]), { replaceNewer: true });
    expect(forced).toMatchObject({ replaced: 1, keptNewer: 0 });
    expect((await bg.store.get(meta!.id))!.body).toBe(older.body);
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('a setting named %s is refused by name', async (key) => {
    const bg = testBackground();
    const json = `{"format":"suyuan-backup","version":1,"exportedAt":"2026-01-01T00:00:00Z","settings":{"${key}":1},"docs":[]}`;
    await expect(bg.service.importBackup(json)).rejects.toThrow(new RegExp(`settings: ${key} is not a valid setting`));
    expect(Object.prototype).not.toHaveProperty('autoHighlight');
  });
});
