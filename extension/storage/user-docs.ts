// The user's own documents in IndexedDB: create, list, delete, and the two bulk writes (file
// imports in chunks, backup restores in one transaction).
import type { IDBPDatabase } from 'idb';
import type { NewDoc } from '../../core/model/page';
import { textHash } from '../../core/text/text-hash';
import { applyDocPatch, type DocPatch } from './doc-patch';
import { DB_NAME, metaOf, openUserDb, type SuyuanDB, type UserDocMeta, type UserDocRecord } from './db';

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

/** A document's id from its text: the same text always gets the same id, so storing it again (a
 *  chunk retried after the worker stopped, the same file imported twice) never makes a second
 *  copy. Two independent 32-bit hashes and the length: a collision needs both to agree. */
export function contentId(body: string): string {
  return `${USER_ID_PREFIX}${textHash(body)}-${body.length.toString(36)}.md`;
}

/** Checks a NewDoc from the panel and turns it into a stored record, its id from its text. */
export function makeUserDoc(input: NewDoc, addedAt: number, index = 0): UserDocRecord {
  const where = `Document ${index + 1}`;
  if (typeof input !== 'object' || input === null) throw new Error(`${where} is not an object`);
  const raw = input as unknown as Record<string, unknown>;
  if (typeof raw.title !== 'string' || raw.title.trim() === '') throw new Error(`${where} has no title`);
  if (typeof raw.body !== 'string' || raw.body.trim() === '') throw new Error(`${where} (${raw.title}) has no text`);
  const rec: UserDocRecord = {
    id: contentId(raw.body),
    title: raw.title.trim(),
    body: raw.body,
    origin: 'user',
    addedAt,
  };
  for (const key of ['date', 'place', 'source', 'url', 'capturedAt'] as const) {
    const v = optionalString(raw, key, where);
    if (v !== undefined) rec[key] = v;
  }
  return rec;
}

/** What a restore does with one backup document. */
export type DocFate = 'added' | 'replaced' | 'unchanged' | 'keptNewer';
export type RestoreCounts = Record<DocFate, number>;

export const emptyCounts = (): RestoreCounts => ({ added: 0, replaced: 0, unchanged: 0, keptNewer: 0 });

const SAME_FIELDS = ['title', 'body', 'date', 'place', 'source', 'script', 'addedAt'] as const;

export function fateOf(incoming: UserDocRecord, local: UserDocRecord | undefined, replaceNewer: boolean): DocFate {
  if (!local) return 'added';
  if (SAME_FIELDS.every((k) => local[k] === incoming[k])) return 'unchanged';
  // A copy added (or re-added) after the backup was made is the user's later work.
  if (local.addedAt > incoming.addedAt && !replaceNewer) return 'keptNewer';
  return 'replaced';
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

  /** Every id, oldest first (export pages through these). */
  async idsInOrder(): Promise<string[]> {
    return (await this.open()).getAllKeysFromIndex('docs', 'byAddedAt');
  }

  /** The records of these ids that still exist, in the same order. */
  async getMany(ids: readonly string[]): Promise<UserDocRecord[]> {
    const tx = (await this.open()).transaction('docs');
    const got = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return got.filter((r): r is UserDocRecord => r !== undefined);
  }

  /** Which of these ids are stored (keys only: no bodies read). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const tx = (await this.open()).transaction('docs');
    const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
    await tx.done;
    return new Set(keys.filter((k): k is string => k !== undefined));
  }

  /** Every document's metadata and body checksum, oldest first, no body read. A record written
   *  without its metadata (by an older version, or straight into the database) gets it now. */
  async metas(): Promise<UserDocMeta[]> {
    const db = await this.open();
    const tx = db.transaction(['docs', 'meta']);
    const [keys, metas] = await Promise.all([tx.objectStore('docs').getAllKeys(), tx.objectStore('meta').getAll()]);
    await tx.done;
    const stored = new Set(keys);
    // Metadata without the text key (written by an older version) is made again once.
    const out = metas.filter((m) => stored.has(m.id) && m.textKey !== undefined);
    const known = new Set(out.map((m) => m.id));
    const lacking = keys.filter((k) => !known.has(k));
    const orphans = metas.filter((m) => !stored.has(m.id)).map((m) => m.id);
    if (lacking.length > 0 || orphans.length > 0) out.push(...(await this.mendMetas(lacking, orphans)));
    // The order of the byAddedAt index: addedAt, then id.
    return out.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private async mendMetas(lacking: string[], orphans: string[]): Promise<UserDocMeta[]> {
    const db = await this.open();
    const made: UserDocMeta[] = [];
    for (let i = 0; i < lacking.length; i += ADD_CHUNK_SIZE) {
      const recs = await this.getMany(lacking.slice(i, i + ADD_CHUNK_SIZE));
      const metas = recs.map(metaOf);
      const tx = db.transaction('meta', 'readwrite');
      await Promise.all([...metas.map((m) => tx.store.put(m)), tx.done]);
      made.push(...metas);
    }
    if (orphans.length > 0) {
      const tx = db.transaction('meta', 'readwrite');
      await Promise.all([...orphans.map((id) => tx.store.delete(id)), tx.done]);
    }
    return made;
  }

  /** The bodies of these ids that are stored (an id missing from the map is not stored). */
  async bodies(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.getMany(ids)).map((r) => [r.id, r.body]));
  }

  async count(): Promise<number> {
    return (await this.open()).count('docs');
  }

  /** Adds the records not stored yet, chunk by chunk, and returns those it wrote (an id already
   *  stored is the same text: left as it is). All or nothing: if a chunk fails, the chunks already
   *  written are deleted again before the error is rethrown. */
  async addMany(records: readonly UserDocRecord[], chunkSize = ADD_CHUNK_SIZE): Promise<UserDocRecord[]> {
    const db = await this.open();
    const written: string[] = [];
    const fresh: UserDocRecord[] = [];
    const seen = new Set<string>();
    try {
      for (let i = 0; i < records.length; i += chunkSize) {
        const chunk = records.slice(i, i + chunkSize);
        const tx = db.transaction(['docs', 'meta'], 'readwrite');
        const docs = tx.objectStore('docs');
        const stored = await Promise.all(chunk.map((r) => docs.getKey(r.id)));
        const add = chunk.filter((r, j) => stored[j] === undefined && !seen.has(r.id) && seen.add(r.id));
        const meta = tx.objectStore('meta');
        await Promise.all([...add.flatMap((r) => [docs.add(r), meta.put(metaOf(r))]), tx.done]);
        written.push(...add.map((r) => r.id));
        fresh.push(...add);
      }
      return fresh;
    } catch (err) {
      if (written.length > 0) {
        const tx = db.transaction(['docs', 'meta'], 'readwrite');
        const [docs, meta] = [tx.objectStore('docs'), tx.objectStore('meta')];
        await Promise.all([...written.flatMap((id) => [docs.delete(id), meta.delete(id)]), tx.done]);
      }
      throw err;
    }
  }

  /** Changes a stored document's fields (record and metadata, one transaction); undefined when
   *  it is not stored. */
  async update(id: string, patch: DocPatch): Promise<UserDocRecord | undefined> {
    const db = await this.open();
    const tx = db.transaction(['docs', 'meta'], 'readwrite');
    const docs = tx.objectStore('docs');
    const stored = await docs.get(id);
    const next = stored && applyDocPatch(stored, patch);
    if (next) await Promise.all([docs.put(next), tx.objectStore('meta').put(metaOf(next))]);
    await tx.done;
    return next;
  }

  async remove(id: string): Promise<boolean> {
    const db = await this.open();
    const tx = db.transaction(['docs', 'meta'], 'readwrite');
    const docs = tx.objectStore('docs');
    const existed = (await docs.getKey(id)) !== undefined;
    if (existed) await Promise.all([docs.delete(id), tx.objectStore('meta').delete(id)]);
    await tx.done;
    return existed;
  }

  /** Restores backup records in ONE transaction: a document the store lacks is added, an
   *  identical one left alone, a different one replaced, unless the stored copy is newer (added
   *  later) and `replaceNewer` is off. `dryRun` only counts (the preview before a restore). */
  async restore(
    records: readonly UserDocRecord[],
    opts: { replaceNewer?: boolean; dryRun?: boolean } = {},
  ): Promise<{ counts: RestoreCounts; written: UserDocRecord[] }> {
    const db = await this.open();
    const tx = db.transaction(['docs', 'meta'], 'readwrite');
    const docs = tx.objectStore('docs');
    const local = await Promise.all(records.map((r) => docs.get(r.id)));
    const counts = emptyCounts();
    const written: UserDocRecord[] = [];
    records.forEach((r, i) => {
      const fate = fateOf(r, local[i], opts.replaceNewer ?? false);
      counts[fate]++;
      if (fate === 'added' || fate === 'replaced') written.push(r);
    });
    const meta = tx.objectStore('meta');
    if (!opts.dryRun) await Promise.all([...written.flatMap((r) => [docs.put(r), meta.put(metaOf(r))]), tx.done]);
    else await tx.done;
    return { counts, written: opts.dryRun ? [] : written };
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
