// Backups round-trip exactly, and a broken backup is refused before anything is written.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBackup, portableSettings } from '../../../extension/storage/backup';
import { seed as bundledSeed } from '../../fixtures/corpus';
import { negativeBody, testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

async function seeded() {
  const bg = testBackground();
  const seed = bundledSeed('000');
  await bg.service.addDocs([
    { title: seed.title || '种子讲话', body: seed.body, date: '2024-05-01', source: 'https://example.gov.cn/a' },
    { title: '一部法规', body: negativeBody('law', 0), place: '北京' },
  ]);
  await bg.service.setSettings({
    disabledSites: ['example.com'],
    formulaPhrases: ['高质量发展'],
    minPassageLength: 30,
  });
  return bg;
}

describe('export / import', () => {
  it('round-trips exactly into an empty profile', async () => {
    const a = await seeded();
    const json = await a.service.exportBackup();
    const backup = JSON.parse(json);
    expect(backup).toMatchObject({ format: 'suyuan-backup', version: 1 });
    expect(backup.docs).toHaveLength(2);

    fakeBrowser.reset(); // a fresh browser profile: no settings
    const b = testBackground();
    expect(await b.service.importBackup(json)).toMatchObject({ added: 2, replaced: 0 });
    const again = JSON.parse(await b.service.exportBackup());
    expect({ ...again, exportedAt: 0 }).toEqual({ ...backup, exportedAt: 0 });
    expect(portableSettings(await b.service.getSettings())).toEqual(backup.settings);
    // The imported documents are in the corpus the engine searches.
    const phrase = backup.docs[1].body.replace(/\s/g, '').slice(30, 42);
    expect((await b.service.lookup(phrase)).hits.some((h) => h.docId === backup.docs[1].id)).toBe(true);
  });

  it('importing twice leaves identical documents alone instead of duplicating', async () => {
    const a = await seeded();
    const json = await a.service.exportBackup();
    expect(await a.service.importBackup(json)).toMatchObject({ added: 0, replaced: 0, unchanged: 2 });
    expect(await a.store.count()).toBe(2);
  });

  const broken: Array<[string, (b: Record<string, unknown>) => unknown, RegExp]> = [
    ['not JSON', () => '{"format": "suyuan-backup", ', /not valid JSON/],
    ['a JSON array', () => [], /not a JSON object/],
    ['another format', (b) => ({ ...b, format: 'other-app' }), /format/],
    ['a newer version', (b) => ({ ...b, version: 99 }), /newer Suyuan/],
    ['a bad date', (b) => ({ ...b, exportedAt: 'yesterday' }), /exportedAt/],
    ['docs not a list', (b) => ({ ...b, docs: {} }), /docs must be a list/],
    [
      'a doc without body',
      (b) => ({ ...b, docs: [...(b.docs as object[]), { id: 'user/x.md', title: 't', origin: 'user', addedAt: 1 }] }),
      /docs\[3\]\.body/,
    ],
    [
      'a bundled id',
      (b) => ({ ...b, docs: [{ ...(b.docs as object[])[0], id: 'reports/gwr-2002.md' }] }),
      /docs\[0\]\.id/,
    ],
    ['a wrong type', (b) => ({ ...b, docs: [{ ...(b.docs as object[])[0], addedAt: '2024' }] }), /addedAt/],
    ['an unknown field', (b) => ({ ...b, docs: [{ ...(b.docs as object[])[0], extra: 1 }] }), /unknown field/],
    ['a duplicate id', (b) => ({ ...b, docs: [(b.docs as object[])[0], (b.docs as object[])[0]] }), /appears twice/],
    [
      'bad settings',
      (b) => ({ ...b, settings: { ...(b.settings as object), autoHighlight: 'yes' } }),
      /settings: .*autoHighlight/,
    ],
  ];

  it.each(broken)('refuses %s and keeps everything that was there', async (_name, mutate, reason) => {
    const bg = await seeded();
    const before = await bg.service.exportBackup();
    const good = JSON.parse(before) as Record<string, unknown>;
    // The broken file also carries a new, valid document: it must not be written either.
    good.docs = [
      ...(good.docs as object[]),
      { id: 'user/new.md', title: '新', body: '新的内容', origin: 'user', addedAt: 5 },
    ];
    const mutated = mutate(good);
    const json = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    await expect(bg.service.importBackup(json)).rejects.toThrow(reason);
    const after = await bg.service.exportBackup();
    expect({ ...JSON.parse(after), exportedAt: 0 }).toEqual({ ...JSON.parse(before), exportedAt: 0 });
    expect(await bg.service.getDoc('user/new.md')).toBeNull();
  });

  it('parseBackup keeps only the settings the file names (a restore leaves the others as they are)', () => {
    const b = parseBackup(
      JSON.stringify({
        format: 'suyuan-backup',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        settings: { autoHighlight: false },
        docs: [],
      }),
    );
    expect(b.settings).toEqual({ autoHighlight: false });
  });

  it('never carries the team server or its token, either way (a restore cannot start sending pages)', async () => {
    const a = await seeded();
    await a.service.setSettings({ teamServer: 'http://10.0.0.5:8787', teamToken: 'secret-token' });
    const json = await a.service.exportBackup();
    expect(json).not.toContain('secret-token');
    expect(json).not.toContain('10.0.0.5');
    expect(JSON.parse(json).settings).toMatchObject({ minPassageLength: 30 });

    fakeBrowser.reset();
    const b = testBackground();
    const planted = JSON.parse(json);
    planted.settings = { ...planted.settings, teamServer: 'http://203.0.113.9:8787', teamToken: 'x' };
    await b.service.importBackup(JSON.stringify(planted));
    expect(await b.service.getSettings()).toMatchObject({ teamServer: '', teamToken: '', minPassageLength: 30 });
  });
});
