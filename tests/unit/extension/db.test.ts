// The IndexedDB schema: migrations from old versions, and all-or-nothing bulk writes.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openUserDb } from '../../../extension/storage/db';
import { makeUserDoc, UserDocStore } from '../../../extension/storage/user-docs';
import { nonSpeech } from '../../fixtures/corpus';
import { negativeBody } from './helpers';

let n = 0;
const freshName = () => `db-test-${++n}-${Date.now()}`;

describe('schema migration', () => {
  it('upgrades a version-1 database: index added, old records back-filled, nothing lost', async () => {
    const name = freshName();
    // A database as version 1 of the extension left it: no addedAt, no index.
    const v1 = await openUserDb(name, 1);
    expect(v1.version).toBe(1);
    expect(v1.transaction('docs').store.indexNames.contains('byAddedAt')).toBe(false);
    const body = negativeBody('techdoc', 0);
    await v1.put('docs', { id: 'user/old-1.md', title: '旧文一', body, origin: 'user' } as never);
    await v1.put('docs', { id: 'user/old-2.md', title: '旧文二', body: body.slice(100) } as never);
    v1.close();

    const db = await openUserDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    const all = await db.getAllFromIndex('docs', 'byAddedAt');
    expect(all.map((d) => [d.id, d.addedAt, d.origin])).toEqual([
      ['user/old-1.md', 0, 'user'],
      ['user/old-2.md', 0, 'user'],
    ]);
    expect(all[0]!.body).toBe(body);
    db.close();
  });

  it('a fresh database gets the latest schema directly', async () => {
    const db = await openUserDb(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect(db.transaction('docs').store.indexNames.contains('byAddedAt')).toBe(true);
    db.close();
  });

  it('an older extension cannot open a newer database (no silent downgrade)', async () => {
    const name = freshName();
    (await openUserDb(name)).close();
    await expect(openDB(name, 1)).rejects.toThrow();
  });
});

describe('bulk writes', () => {
  it('addMany rolls earlier chunks back when a later chunk fails', async () => {
    const store = new UserDocStore(freshName());
    const existing = makeUserDoc({ title: '已有', body: negativeBody('law', 0) }, 1);
    await store.addMany([existing]);
    const batch = [0, 1, 2, 3].map((i) => makeUserDoc({ title: `新${i}`, body: nonSpeech(1 + i) }, 10 + i));
    // The fourth record has no valid key, so the second chunk fails.
    batch[3] = { ...batch[3]!, id: undefined } as never;
    await expect(store.addMany(batch, 2)).rejects.toThrow();
    expect((await store.list()).map((d) => d.title)).toEqual(['已有']);
  });

  it('restore writes in one transaction: a failing record leaves the store as it was', async () => {
    const store = new UserDocStore(freshName());
    const a = makeUserDoc({ title: 'A', body: negativeBody('law', 0) }, 1);
    await store.addMany([a]);
    const b = makeUserDoc({ title: 'B', body: negativeBody('howto', 0) }, 2);
    // An invalid key (no id) makes put() throw inside the transaction.
    const bad = { ...makeUserDoc({ title: 'C', body: 'x' }, 3), id: undefined } as never;
    await expect(store.restore([{ ...a, title: 'A2' }, b, bad])).rejects.toThrow();
    expect((await store.list()).map((d) => d.title)).toEqual(['A']);
    expect((await store.restore([{ ...a, title: 'A2' }, b])).counts).toEqual({
      added: 1,
      replaced: 1,
      unchanged: 0,
      keptNewer: 0,
    });
    expect((await store.list()).map((d) => d.title)).toEqual(['A2', 'B']);
  });
});
