// The user corpus lives in IndexedDB (it can hold far more than storage.local and survives
// updates). The schema is versioned: each entry of MIGRATIONS upgrades from the version before,
// and an old database is walked through every step it missed.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { textKey } from '../../core/corpus/page-keys';
import { bodyChecksum } from '../../core/index/checksum';
import { docMeta } from '../../core/model/doc-meta';
import type { CorpusDoc, DocMeta } from '../../core/model/types';

/** A user document as stored: the corpus doc plus when it was added (for a stable order). */
export interface UserDocRecord extends CorpusDoc {
  origin: 'user';
  /** ms since epoch */
  addedAt: number;
}

/** The engine's index of every document (bundled and user), as a binary snapshot. */
export interface IndexRecord {
  bytes: Uint8Array;
  /** ms since epoch */
  savedAt: number;
}

/** A user document without its body: what a worker start reads (bodies are read when needed). */
export interface UserDocMeta extends DocMeta {
  origin: 'user';
  addedAt: number;
  /** The body's checksum (core/index/checksum.ts). */
  sum: string;
  /** The body's key for keep-pages' duplicate check (core/corpus/kept-page.ts textKey), so that
   *  check reads no body. Absent in metadata written before it was added: mended on read. */
  textKey?: string;
}

export function metaOf(rec: UserDocRecord): UserDocMeta {
  return { ...(docMeta(rec) as UserDocMeta), sum: bodyChecksum(rec.body), textKey: textKey(rec.body) };
}

export interface SuyuanDB extends DBSchema {
  docs: { key: string; value: UserDocRecord; indexes: { byAddedAt: number } };
  index: { key: string; value: IndexRecord };
  /** One UserDocMeta per record of `docs`, written in the same transaction. */
  meta: { key: string; value: UserDocMeta };
}

export const DB_NAME = 'suyuan';

type UpgradeTx = IDBPTransaction<SuyuanDB, StoreNames<SuyuanDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<SuyuanDB>, tx: UpgradeTx) => Promise<void> | void;

/** MIGRATIONS[i] upgrades version i to i + 1. Append, never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: one store of documents keyed by id.
  (db) => {
    db.createObjectStore('docs', { keyPath: 'id' });
  },
  // 1 → 2: list documents in the order they were added; version-1 records get addedAt 0 (oldest)
  // and are marked as user documents.
  async (_db, tx) => {
    const store = tx.objectStore('docs');
    store.createIndex('byAddedAt', 'addedAt');
    let cursor = await store.openCursor();
    while (cursor) {
      const rec = cursor.value as Partial<UserDocRecord> & CorpusDoc;
      if (typeof rec.addedAt !== 'number' || rec.origin !== 'user') {
        await cursor.update({ ...rec, origin: 'user', addedAt: typeof rec.addedAt === 'number' ? rec.addedAt : 0 });
      }
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: the built index, so a worker start restores it instead of indexing every document.
  (db) => {
    db.createObjectStore('index');
  },
  // 3 → 4: documents' metadata apart from their bodies, so a worker start reads no body.
  async (db, tx) => {
    db.createObjectStore('meta', { keyPath: 'id' });
    const meta = tx.objectStore('meta');
    let cursor = await tx.objectStore('docs').openCursor();
    while (cursor) {
      await meta.put(metaOf(cursor.value));
      cursor = await cursor.continue();
    }
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Opens (creating or upgrading) the user database; `version` is for tests of old schemas.
 *  `onClosed` runs when the connection goes away (a newer version wants to upgrade, or the
 *  browser closed it), so the caller can reopen instead of using a dead handle. */
export function openUserDb(
  name = DB_NAME,
  version = DB_VERSION,
  onClosed?: () => void,
): Promise<IDBPDatabase<SuyuanDB>> {
  return openDB<SuyuanDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // Steps run back to back on the one versionchange transaction; chaining the promises keeps
      // the transaction alive, and a throw aborts the whole upgrade (the old data stays).
      let chain: Promise<void> = Promise.resolve();
      for (let v = oldVersion; v < (newVersion ?? version); v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`No migration from database version ${v}`);
        chain = chain.then(() => step(db, tx));
      }
      chain.catch((err: unknown) => {
        console.error('[suyuan] database upgrade failed:', err);
        tx.abort();
      });
    },
    blocking(_current, _blocked, event) {
      // Another context (a newer worker) wants to upgrade: step aside.
      (event.target as IDBDatabase).close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
  });
}
