// @vitest-environment node
// Editing a user document's fields through the background service on real storage: IndexedDB and
// the engine take the new fields at once, a corrected date changes which holder is a passage's
// origin, and a later worker start (persisted index, same database) still has them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { copiedPage, report, testBackground } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const REPOST = { title: '转载：政府工作报告摘编', body: report('gwr-2002').body.slice(2800, 4800), date: '2010' };

async function originOf(bg: ReturnType<typeof testBackground>) {
  const a = await bg.service.analyzePage(copiedPage(), 1);
  const p = a!.match.passages.find((x) => x.docId.includes('gwr-2002'));
  if (!p) throw new Error('the copied page has no passage from the 2002 report');
  return { origin: p.origin, alsoIn: p.alsoIn, analysis: a! };
}

describe('updateDoc', () => {
  it('a corrected date makes the repost the origin, in IndexedDB, the engine and after a restart', async () => {
    const dbName = `suyuan-edit-${Date.now()}`;
    const bg = testBackground({ dbName });
    const [meta] = await bg.service.addDocs([REPOST]);
    const id = meta!.id;
    const before = await originOf(bg);
    expect(before.origin?.date).toMatch(/^2002/);
    expect(before.alsoIn).toContain(id);

    const edited = await bg.service.updateDoc(id, { date: '1999-12-01', place: '某县' });
    expect(edited).toMatchObject({ id, date: '1999-12-01', place: '某县', title: REPOST.title });
    expect(await bg.store.get(id)).toMatchObject({ date: '1999-12-01', place: '某县', body: REPOST.body });
    const after = await originOf(bg);
    expect(after.origin).toEqual({ docId: id, date: '1999-12-01' });
    expect(after.analysis.docs[id]?.date).toBe('1999-12-01');

    await bg.idle(); // the index is written back
    const restarted = testBackground({ dbName });
    expect((await originOf(restarted)).origin).toEqual({ docId: id, date: '1999-12-01' });
    expect((await restarted.service.listDocs()).find((d) => d.id === id)?.place).toBe('某县');
  });

  it('refuses bundled documents, unknown fields, an empty title and malformed dates, changing nothing', async () => {
    const bg = testBackground();
    const [meta] = await bg.service.addDocs([REPOST]);
    const id = meta!.id;
    const bundledId = (await bg.service.listDocs()).find((d) => d.id.includes('gwr-2002'))!.id;
    await expect(bg.service.updateDoc(bundledId, { date: '2001' })).rejects.toThrow(/Only your own/);
    await expect(bg.service.updateDoc(id, { body: 'x' } as never)).rejects.toThrow(/cannot be edited/);
    await expect(bg.service.updateDoc(id, { title: '  ' })).rejects.toThrow(/title/);
    await expect(bg.service.updateDoc(id, { date: '2021年' })).rejects.toThrow(/YYYY/);
    await expect(bg.service.updateDoc(id, { date: '2021-13' })).rejects.toThrow(/YYYY/);
    await expect(bg.service.updateDoc('user/none.md', { date: '2021' })).rejects.toThrow(/No such/);
    expect(await bg.store.get(id)).toMatchObject({ title: REPOST.title, date: '2010' });
  });
});
