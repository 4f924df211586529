// The user's own documents in IndexedDB: create, list, delete, and the two bulk writes (file
// imports in chunks, backup restores in one transaction).
import type { IDBPDatabase } from 'idb';
import type { NewDoc } from '../../core/model/page';
import { DB_NAME, openUserDb, type SuyuanDB, type UserDocRecord } from './db';

export const USER_ID_PREFIX = 'user/';
const INDEX_KEY = 'engine';

/** Big imports are written this many documents per transaction so one transaction never holds
 *  hundreds of megabytes; a failing chunk rolls the earlier ones back. */
export const ADD_CHUNK_SIZE = 200;

export function isUserDocId(id: string): boolean {
  return id.startsWith(USER_ID_PREFIX) && id.length > USER_ID_PREFIX.length;
}

function optionalString(doc: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = doc[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new Error(`${where}: ${key} must be text`);
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** Checks a NewDoc from the panel and turns it into a stored record with a fresh id. */
export function makeUserDoc(input: NewDoc, addedAt: number, index = 0): UserDocRecord {
  const where = `Document ${index + 1}`;
  if (typeof input !== 'object' || input === null) throw new Error(`${where} is not an object`);
  const raw = input as unknown as Record<string, unknown>;
  if (typeof raw.title !== 'string' || raw.title.trim() === '') throw new Error(`${where} has no title`);
  if (typeof raw.body !== 'string' || raw.body.trim() === '') throw new Error(`${where} (${raw.title}) has no text`);
  const rec: UserDocRecord = {
    id: `${USER_ID_PREFIX}${crypto.randomUUID()}.md`,
    title: raw.title.trim(),
    body: raw.body,
    origin: 'user',
    addedAt,
  };
  for (const key of ['date', 'place', 'source'] as const) {
    const v = optionalString(raw, key, where);
    if (v !== undefined) rec[key] = v;
  }
  return rec;
}

export class UserDocStore {
  private db: Promise<IDBPDatabase<SuyuanDB>> | null = null;

  constructor(private readonly dbName = DB_NAME) {}

  private open(): Promise<IDBPDatabase<SuyuanDB>> {
    // Memoised, and forgotten when the connection closes or fails to open, so the next call reopens.
    this.db ??= openUserDb(this.dbName, undefined, () => (this.db = null)).catch((err: unknown) => {
      this.db = null;
      throw err;
    });
    return this.db;
  }

  /** Oldest first. */
  async list(): Promise<UserDocRecord[]> {
    return (await this.open()).getAllFromIndex('docs', 'byAddedAt');
  }

  async get(id: string): Promise<UserDocRecord | undefined> {
    return (await this.open()).get('docs', id);
  }

  async count(): Promise<number> {
    return (await this.open()).count('docs');
  }

  /** Adds new records chunk by chunk. All or nothing: if a chunk fails, the chunks already
   *  written are deleted again before the error is rethrown. */
  async addMany(records: readonly UserDocRecord[], chunkSize = ADD_CHUNK_SIZE): Promise<void> {
    const db = await this.open();
    const written: string[] = [];
    try {
      for (let i = 0; i < records.length; i += chunkSize) {
        const chunk = records.slice(i, i + chunkSize);
        const tx = db.transaction('docs', 'readwrite');
        // `add` (not `put`) refuses to overwrite: fresh ids never collide, so a collision is a bug.
        await Promise.all([...chunk.map((r) => tx.store.add(r)), tx.done]);
        written.push(...chunk.map((r) => r.id));
      }
    } catch (err) {
      if (written.length > 0) {
        const tx = db.transaction('docs', 'readwrite');
        await Promise.all([...written.map((id) => tx.store.delete(id)), tx.done]);
      }
      throw err;
    }
  }

  async remove(id: string): Promise<boolean> {
    const db = await this.open();
    const tx = db.transaction('docs', 'readwrite');
    const existed = (await tx.store.getKey(id)) !== undefined;
    if (existed) await tx.store.delete(id);
    await tx.done;
    return existed;
  }

  /** Writes every record in ONE transaction (replacing same ids): either all land or none. */
  async putAll(records: readonly UserDocRecord[]): Promise<{ added: number; replaced: number }> {
    const db = await this.open();
    const tx = db.transaction('docs', 'readwrite');
    const existing = await Promise.all(records.map((r) => tx.store.getKey(r.id)));
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    const replaced = existing.filter((k) => k !== undefined).length;
    return { added: records.length - replaced, replaced };
  }

  /** The persisted engine index (see extension/background/engine-build.ts). */
  async loadIndex(): Promise<Uint8Array | null> {
    return (await (await this.open()).get('index', INDEX_KEY))?.bytes ?? null;
  }

  async saveIndex(bytes: Uint8Array): Promise<void> {
    await (await this.open()).put('index', { bytes, savedAt: Date.now() }, INDEX_KEY);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db).close();
  }
}
