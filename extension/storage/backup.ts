// Backup file of the user corpus and settings. Import validates the whole file before anything
// is written, so a broken or foreign file can never cost the user what they already have.
import type { Settings } from '../../core/model/settings';
import { SettingsError, validateSettingsPatch } from '../settings';
import { BackupError } from './backup-error';
import type { UserDocRecord } from './db';
import { isUserDocId } from './user-docs';

export const BACKUP_FORMAT = 'suyuan-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 */
  exportedAt: string;
  /** A backup written by Suyuan holds every setting; one read back may name only some. */
  settings: Partial<Settings>;
  docs: UserDocRecord[];
}

/** Settings that stay on this device: a backup never carries them and a restore never sets them.
 *  The team server's token is a credential, and a restored address would start sending pages to a
 *  server without the user's own "connect" click (the click that asks for the host permission). */
const DEVICE_ONLY: readonly (keyof Settings)[] = ['teamServer', 'teamToken'];

/** The settings a backup may carry (every one but the device-only ones). */
export function portableSettings<T extends Partial<Settings>>(settings: T): T {
  const out = { ...settings };
  for (const k of DEVICE_ONLY) delete out[k];
  return out;
}

export function createBackup(settings: Settings, docs: readonly UserDocRecord[], now = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: portableSettings(settings),
    docs: docs.map(copyRecord),
  };
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}

/** Copies exactly the fields a record may have, in a fixed order, so exports are stable. */
export function copyRecord(r: UserDocRecord): UserDocRecord {
  const out: UserDocRecord = { id: r.id, title: r.title, body: r.body, origin: 'user', addedAt: r.addedAt };
  if (r.date !== undefined) out.date = r.date;
  if (r.place !== undefined) out.place = r.place;
  if (r.source !== undefined) out.source = r.source;
  if (r.script !== undefined) out.script = r.script;
  if (r.url !== undefined) out.url = r.url;
  if (r.capturedAt !== undefined) out.capturedAt = r.capturedAt;
  if (r.via !== undefined) out.via = r.via;
  return out;
}

export { BackupError };

// url, capturedAt and via were added with keep-pages (older backups simply lack them).
const DOC_KEYS = new Set([
  'id',
  'title',
  'body',
  'origin',
  'addedAt',
  'date',
  'place',
  'source',
  'script',
  'url',
  'capturedAt',
  'via',
]);
const VIAS = new Set(['added', 'kept', 'imported']);
const SCRIPTS = new Set(['simplified', 'traditional', 'mixed']);

/** Checks one element of `docs` (own properties only: `__proto__` and friends are unknown fields). */
export function validateDoc(value: unknown, index: number): UserDocRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BackupError('docNotObject', { index });
  const d = value as Record<string, unknown>;
  for (const field of Object.keys(d)) if (!DOC_KEYS.has(field)) throw new BackupError('docField', { index, field });
  const bad = (field: string) => new BackupError('docValue', { index, field });
  const own = (k: string): unknown => (Object.hasOwn(d, k) ? d[k] : undefined);
  const id = own('id');
  if (typeof id !== 'string' || !isUserDocId(id)) throw bad('id');
  const title = own('title');
  if (typeof title !== 'string' || title.trim() === '') throw bad('title');
  const body = own('body');
  if (typeof body !== 'string' || body.trim() === '') throw bad('body');
  if (own('origin') !== 'user') throw bad('origin');
  const addedAt = own('addedAt');
  if (typeof addedAt !== 'number' || !Number.isFinite(addedAt)) throw bad('addedAt');
  for (const key of ['date', 'place', 'source', 'url', 'capturedAt'] as const) {
    if (own(key) !== undefined && typeof own(key) !== 'string') throw bad(key);
  }
  if (own('via') !== undefined && !VIAS.has(own('via') as string)) throw bad('via');
  if (own('script') !== undefined && !SCRIPTS.has(own('script') as string)) throw bad('script');
  return copyRecord(d as unknown as UserDocRecord);
}

/** What a backup says apart from its documents. `settings` holds only the settings the file
 *  names: a restore changes those and keeps the current value of every other one. */
export interface BackupHead {
  version: number;
  exportedAt: string;
  settings: Partial<Settings>;
}

/** Checks the fields around `docs`; throws BackupError. */
export function validateHead(b: Record<string, unknown>): BackupHead {
  const own = (k: string): unknown => (Object.hasOwn(b, k) ? b[k] : undefined);
  if (own('format') !== BACKUP_FORMAT) throw new BackupError('format');
  const version = own('version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new BackupError('version');
  if (version > BACKUP_VERSION) throw new BackupError('newer', { version });
  const exportedAt = own('exportedAt');
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) throw new BackupError('exportedAt');
  let settings: Partial<Settings> = {};
  if (own('settings') !== undefined) {
    try {
      settings = portableSettings(validateSettingsPatch(own('settings')));
    } catch (err) {
      throw new BackupError('settings', { field: err instanceof SettingsError ? err.key : undefined });
    }
  }
  return { version, exportedAt, settings };
}

/** Parses and checks a whole backup held in one string; throws BackupError with a readable reason.
 *  (The panel streams large files through backup-reader.ts instead.) */
export function parseBackup(json: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new BackupError('notJson');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BackupError('notObject');
  const b = data as Record<string, unknown>;
  const head = validateHead(b);
  const rawDocs = Object.hasOwn(b, 'docs') ? b.docs : undefined;
  if (!Array.isArray(rawDocs)) throw new BackupError('docsList');
  const docs = rawDocs.map(validateDoc);
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.id)) throw new BackupError('duplicate', { id: d.id });
    seen.add(d.id);
  }
  return { format: BACKUP_FORMAT, ...head, docs };
}

/** Names of the settings whose value differs between two complete settings objects. */
export function settingsChanged(before: Settings, after: Settings): (keyof Settings)[] {
  return (Object.keys(after) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
