// A worker start restores the persisted index with the user's documents' metadata only; their
// bodies are read from IndexedDB for the documents a page is aligned with and for lookup's hits.
import { describe, expect, it, vi } from 'vitest';
import { openUserDb } from '../../../extension/storage/db';
import { UserDocStore } from '../../../extension/storage/user-docs';
import { saveSettings } from '../../../extension/settings';
import { negativeBody, pageCopying, testBackground, USER_SEEDS, withUserSeeds, type TestBackground } from './helpers';

/** A background whose user corpus (the four seeds) is indexed and persisted, and a second
 *  "worker" on the same database, started afresh, whose store reads are counted. */
async function restarted(): Promise<{ first: TestBackground; bg: TestBackground; ids: string[] }> {
  const { first, ids, dbName } = await withUserSeeds();
  await first.service.analyzePage(pageCopying(USER_SEEDS[0]!.body), 1);
  await first.idle();
  const bg = testBackground({ dbName });
  vi.spyOn(bg.store, 'list');
  vi.spyOn(bg.store, 'bodies');
  return { first, bg, ids };
}

describe('lazy user-document bodies', () => {
  it('a worker start reads no body: only the candidates aligned with the page', async () => {
    const { bg, ids } = await restarted();
    const a = await bg.service.analyzePage(pageCopying(USER_SEEDS[0]!.body), 2);
    expect(await bg.deps.engine.origin()).toMatchObject({ from: 'persisted', indexed: 0 });
    expect(bg.store.list).not.toHaveBeenCalled();
    const read = vi.mocked(bg.store.bodies).mock.calls.flat(2) as string[];
    expect(read).toContain(ids[0]);
    expect(read.length).toBeLessThan(ids.length);
    expect(a!.match.passages.some((p) => p.docId === ids[0])).toBe(true);
    // The diff was made against the real body.
    const p = a!.match.passages.find((x) => x.docId === ids[0])!;
    expect(USER_SEEDS[0]!.body.slice(p.docStart, p.docEnd).length).toBe(p.docEnd - p.docStart);
    expect(p.similarity).toBeGreaterThan(0.9);
  });

  it('gives the same analysis as a worker holding every body', async () => {
    const { first, bg } = await restarted();
    // Phrasings shared by two documents count as formula here, so the page has formula spans.
    await saveSettings({ boilerplateMinDocs: 2 });
    const page = pageCopying(USER_SEEDS[0]!.body);
    const eager = await first.service.analyzePage(page, 3); // bodies in memory
    const lazy = await bg.service.analyzePage(page, 4); // a fresh worker: bodies in storage
    expect(lazy!.match).toEqual(eager!.match);
    // The page's answer leaves firstSeen out (it needs lookup's text of every body)...
    expect(lazy!.boilerplate.length).toBeGreaterThan(0);
    expect(lazy!.firstSeenPending).toBe(true);
    expect(lazy!.boilerplate.every((b) => b.firstSeen === undefined)).toBe(true);
    // ...which the panel is not kept waiting for: until lookup's text is built it gets this answer,
    expect((await bg.service.getTabAnalysis(4))!.firstSeenPending).toBe(true);
    // and afterwards the full one, as a worker holding every body gives it.
    await bg.idle();
    const full = await bg.service.getTabAnalysis(4);
    expect(full!.firstSeenPending).toBeUndefined();
    expect(full!.boilerplate).toEqual((await first.service.getTabAnalysis(3))!.boilerplate);
    expect(full!.boilerplate.every((b) => b.firstSeen !== undefined)).toBe(true); // null: no dated holder
  });

  it('a document deleted while its body is being read is left out, not a crash', async () => {
    const { bg, ids } = await restarted();
    const read = UserDocStore.prototype.bodies.bind(bg.store);
    vi.mocked(bg.store.bodies).mockImplementation(async (wanted) => {
      if (wanted.includes(ids[0]!)) await bg.service.removeDoc(ids[0]!);
      return read(wanted);
    });
    const a = await bg.service.analyzePage(pageCopying(USER_SEEDS[0]!.body), 4);
    expect(a!.match.passages.map((p) => p.docId)).not.toContain(ids[0]);
    expect((await bg.service.listDocs()).map((d) => d.id)).not.toContain(ids[0]);
  });

  it('a body missing from IndexedDB is a clear error for the document, and the page is still analysed', async () => {
    const { bg, ids } = await restarted();
    await bg.service.listDocs(); // loaded: the metadata says the document is there
    const db = await openUserDb((bg.store as unknown as { dbName: string }).dbName);
    await db.delete('docs', ids[0]!); // the record goes, its metadata stays
    db.close();
    await expect(bg.service.getDoc(ids[0]!)).rejects.toThrow(/no longer stored/);
    const a = await bg.service.analyzePage(pageCopying(USER_SEEDS[0]!.body), 5);
    expect(a!.match.passages.map((p) => p.docId)).not.toContain(ids[0]);
    expect(await bg.service.getDoc(ids[0]!)).toBeNull();
  });

  it('lookup reads the bodies of its hits for their context', async () => {
    const { bg, ids } = await restarted();
    const phrase = USER_SEEDS[2]!.body.slice(400, 412);
    const r = await bg.service.lookup(phrase);
    const hit = r.hits.find((h) => h.docId === ids[2]);
    expect(hit).toBeDefined();
    expect(hit!.context).toContain(USER_SEEDS[2]!.body.slice(hit!.start, hit!.end));
    expect((await bg.service.getDoc(ids[2]!))!.body).toBe(USER_SEEDS[2]!.body);
  });

  it('a cache smaller than one body still answers (bodies are held while a request runs)', async () => {
    const first = testBackground();
    await first.service.addDocs(USER_SEEDS.map((d) => ({ title: d.title, body: d.body })));
    await first.idle();
    const dbName = (first.store as unknown as { dbName: string }).dbName;
    const tiny = testBackground({ dbName, bodyCacheChars: 10 });
    const a = await tiny.service.analyzePage(pageCopying(USER_SEEDS[3]!.body), 6);
    expect(a!.match.passages.length).toBeGreaterThan(0);
  });

  it('other holders of a passage are read too, so they are named as a worker holding every body names them', async () => {
    // Six documents share one passage: the page is aligned with one, the others are its holders,
    // each checked against its own text. A cache of 10 characters keeps none between requests.
    const shared = USER_SEEDS[1]!.body.slice(300, 1300);
    const kinds = ['encyclopedia', 'fiction', 'forum', 'howto', 'law', 'techdoc'] as const;
    const docs = kinds.map((kind, i) => ({
      title: `转发${i}`,
      body: `${negativeBody(kind).slice(0, 2500)}\n${shared}`,
    }));
    const first = testBackground();
    await first.service.addDocs(docs);
    await first.idle();
    const dbName = (first.store as unknown as { dbName: string }).dbName;
    const page = pageCopying(`${'某'.repeat(200)}${shared}`);
    const eager = await first.service.analyzePage(page, 7);
    const lazy = await testBackground({ dbName, bodyCacheChars: 10 }).service.analyzePage(page, 8);
    expect(eager!.match.passages[0]!.holders!.length).toBeGreaterThan(3);
    expect(lazy!.match).toEqual(eager!.match);
  });

  it("lookup's preparation reads the bodies in chunks of at most 50, none of them all at once", async () => {
    // 120 documents (slices of the seeds): more than two chunks.
    const docs = Array.from({ length: 120 }, (_, i) => {
      const body = USER_SEEDS[i % 4]!.body;
      const at = (i * 37) % Math.max(1, body.length - 900);
      return { title: `片段${i}`, body: `第${i}篇\n${body.slice(at, at + 900)}` };
    });
    const first = testBackground();
    const ids = (await first.service.addDocs(docs)).map((d) => d.id);
    await first.idle();
    const dbName = (first.store as unknown as { dbName: string }).dbName;
    const bg = testBackground({ dbName });
    vi.spyOn(bg.store, 'bodies');
    vi.spyOn(bg.store, 'list');
    await bg.service.listDocs(); // the engine is restored, no body read
    await bg.idle(); // lookup's preparation
    const calls = vi.mocked(bg.store.bodies).mock.calls.map((c) => c[0]);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(50);
    expect(new Set(calls.flat())).toEqual(new Set(ids));
    expect(bg.store.list).not.toHaveBeenCalled();
    // Lookup's text is built: a lookup reads only its hits' bodies, and finds what a worker
    // holding every body finds.
    vi.mocked(bg.store.bodies).mockClear();
    const phrase = docs[5]!.body.slice(200, 212);
    const r = await bg.service.lookup(phrase);
    const eager = await first.service.lookup(phrase);
    expect(r.hits.map((h) => [h.docId, h.start])).toEqual(eager.hits.map((h) => [h.docId, h.start]));
    const read = vi.mocked(bg.store.bodies).mock.calls.flatMap((c) => c[0]);
    expect(read.length).toBeLessThanOrEqual(r.hits.length);
  });

  it('a stale analysis redone for the panel leaves firstSeen for later instead of reading every body', async () => {
    const { bg, ids } = await restarted();
    await saveSettings({ boilerplateMinDocs: 2 });
    await bg.service.analyzePage(pageCopying(USER_SEEDS[0]!.body), 9);
    await bg.service.addDocs([{ title: '新增', body: USER_SEEDS[3]!.body.slice(0, 900) + '（另稿）' }]); // marks it stale
    vi.mocked(bg.store.bodies).mockClear();
    const redone = await bg.service.getTabAnalysis(9);
    expect(redone!.firstSeenPending).toBe(true);
    const read = new Set(vi.mocked(bg.store.bodies).mock.calls.flatMap((c) => c[0]));
    expect(read.size).toBeLessThan(ids.length);
  });
});
