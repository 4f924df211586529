// The engine's index persisted in IndexedDB: a worker start restores it (no re-indexing), catches
// up with documents added or removed since it was written, and rebuilds only when the snapshot is
// of another engine version.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import type { CorpusDoc } from '../../../core/model/types';
import { buildEngine, type IndexStore } from '../../../extension/background/engine-build';
import { nonSpeech } from '../../fixtures/corpus';
import { copiedPage, smallAsset, testBackground } from './helpers';

function memoryIndex(): IndexStore & { bytes: Uint8Array | null; saves: number } {
  const m = {
    bytes: null as Uint8Array | null,
    saves: 0,
    load: async () => m.bytes,
    save: async (b: Uint8Array) => {
      m.bytes = b;
      m.saves++;
    },
  };
  return m;
}

const userDoc = (n: number): CorpusDoc => ({
  id: `user/${n}.md`,
  title: `文件${n}`,
  body: nonSpeech(n),
  origin: 'user',
});

describe('buildEngine', () => {
  it('restores the persisted index, then catches up with documents added and removed since', async () => {
    const asset = smallAsset();
    const index = memoryIndex();
    let user = [userDoc(0), userDoc(1), userDoc(2)];
    const first = await buildEngine(asset, async () => user, index);
    expect(first).toMatchObject({ from: 'asset', indexed: 3, stale: true });
    await index.save(first.engine.snapshotBytes());

    const again = await buildEngine(asset, async () => user, index);
    expect(again).toMatchObject({ from: 'persisted', indexed: 0, stale: false });

    user = [userDoc(0), userDoc(2), userDoc(3)];
    const caught = await buildEngine(asset, async () => user, index);
    expect(caught).toMatchObject({ from: 'persisted', indexed: 1, stale: true });
    const fresh = createEngine([...asset.docs, ...user]);
    expect(caught.engine.list().map((d) => d.id)).toEqual(expect.arrayContaining(fresh.list().map((d) => d.id)));
    expect(caught.engine.list()).toHaveLength(fresh.list().length);
    expect(caught.engine.get('user/1.md')).toBeUndefined();
    const page = copiedPage().text;
    expect(caught.engine.match(page).passages).toEqual(fresh.match(page).passages);
    // A removed document's text is found nowhere, an added one's is.
    const removedPhrase = userDoc(1).body.replace(/\s/g, '').slice(50, 64);
    expect(caught.engine.lookup(removedPhrase).hits.some((h) => h.docId === 'user/1.md')).toBe(false);
    const addedPhrase = userDoc(3).body.replace(/\s/g, '').slice(50, 64);
    expect(caught.engine.lookup(addedPhrase).hits.some((h) => h.docId === 'user/3.md')).toBe(true);
  });

  it('an index of another engine version or a damaged one is rebuilt from the asset, not trusted', async () => {
    const asset = smallAsset();
    const index = memoryIndex();
    const user = [userDoc(0)];
    const first = await buildEngine(asset, async () => user, index);
    const bytes = first.engine.snapshotBytes();
    // The version sits in the JSON head: rewrite it as the previous one.
    const text = new TextDecoder().decode(bytes);
    const head = text.indexOf('"version":');
    const old = new TextEncoder().encode(text.slice(0, head) + '"version":0' + text.slice(head + 11));
    expect(text.slice(head, head + 11)).toMatch(/"version":\d/);
    index.bytes = old.slice(0, bytes.length);
    expect(await buildEngine(asset, async () => user, index)).toMatchObject({ from: 'asset', stale: true });
    index.bytes = bytes.slice(0, 100);
    expect(await buildEngine(asset, async () => user, index)).toMatchObject({ from: 'asset', stale: true });
  });
});

describe('the background keeps its index in IndexedDB', () => {
  it('a worker start after an import restores the index and indexes nothing', async () => {
    const bg = testBackground();
    await bg.service.listDocs();
    await bg.service.addDocs([0, 1, 2, 3].map((n) => ({ title: `文件${n}`, body: nonSpeech(n) })));
    // Written in the quiet time after the import, not during it.
    expect(await bg.store.loadIndex()).toBeNull();
    await bg.idle();
    expect(await bg.store.loadIndex()).not.toBeNull();

    const dbName = (bg.store as unknown as { dbName: string }).dbName;
    const restarted = testBackground({ dbName });
    expect(await restarted.deps.engine.origin()).toEqual({ from: 'persisted', indexed: 0 });
    expect(await restarted.service.listDocs()).toHaveLength(5 + 4);

    // A removal in that worker is persisted too; the next start has nothing to catch up on.
    const victim = (await restarted.service.listDocs()).find((d) => d.origin === 'user')!;
    await restarted.service.removeDoc(victim.id);
    await restarted.idle();
    const third = testBackground({ dbName });
    expect(await third.deps.engine.origin()).toEqual({ from: 'persisted', indexed: 0 });
    expect((await third.service.listDocs()).map((d) => d.id)).not.toContain(victim.id);
  });

  it('an import while no engine is loaded still ends in a persisted index', async () => {
    const bg = testBackground();
    await bg.service.addDocs([{ title: '文件', body: nonSpeech(4) }]);
    await bg.idle();
    const restarted = testBackground({ dbName: (bg.store as unknown as { dbName: string }).dbName });
    expect(await restarted.deps.engine.origin()).toEqual({ from: 'persisted', indexed: 0 });
  });
});
