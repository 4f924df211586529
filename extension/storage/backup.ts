// Backup file of the user corpus and settings. Import validates the whole file before anything
// is written, so a broken or foreign file can never cost the user what they already have.
import type { Settings } from '../../core/model/settings';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../settings';
import type { UserDocRecord } from './db';
import { isUserDocId } from './user-docs';

export const BACKUP_FORMAT = 'suyuan-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 */
  exportedAt: string;
  settings: Settings;
  docs: UserDocRecord[];
}

export function createBackup(settings: Settings, docs: readonly UserDocRecord[], now = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: { ...settings },
    docs: docs.map(copyRecord),
  };
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}

/** Copies exactly the fields a record may have, in a fixed order, so exports are stable. */
function copyRecord(r: UserDocRecord): UserDocRecord {
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

export class BackupError extends Error {
  constructor(message: string) {
    super(`Not a usable Suyuan backup: ${message}`);
    this.name = 'BackupError';
  }
}

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

function validateDoc(value: unknown, i: number): UserDocRecord {
  const where = `docs[${i}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BackupError(`${where} is not an object`);
  const d = value as Record<string, unknown>;
  for (const key of Object.keys(d))
    if (!DOC_KEYS.has(key)) throw new BackupError(`${where} has an unknown field "${key}"`);
  if (typeof d.id !== 'string' || !isUserDocId(d.id))
    throw new BackupError(`${where}.id must be text starting with "user/"`);
  if (typeof d.title !== 'string' || d.title.trim() === '')
    throw new BackupError(`${where}.title must be non-empty text`);
  if (typeof d.body !== 'string' || d.body.trim() === '') throw new BackupError(`${where}.body must be non-empty text`);
  if (d.origin !== 'user') throw new BackupError(`${where}.origin must be "user"`);
  if (typeof d.addedAt !== 'number' || !Number.isFinite(d.addedAt))
    throw new BackupError(`${where}.addedAt must be a number`);
  for (const key of ['date', 'place', 'source', 'url', 'capturedAt'] as const) {
    if (d[key] !== undefined && typeof d[key] !== 'string') throw new BackupError(`${where}.${key} must be text`);
  }
  if (d.via !== undefined && !VIAS.has(d.via as string)) throw new BackupError(`${where}.via is not a known way in`);
  if (d.script !== undefined && !SCRIPTS.has(d.script as string))
    throw new BackupError(`${where}.script is not a known script`);
  return copyRecord(d as unknown as UserDocRecord);
}

/** Parses and checks a backup completely; throws BackupError with a readable reason. */
export function parseBackup(json: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new BackupError('the file is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new BackupError('the file is not a JSON object');
  const b = data as Record<string, unknown>;
  if (b.format !== BACKUP_FORMAT) throw new BackupError(`format is not "${BACKUP_FORMAT}"`);
  if (typeof b.version !== 'number' || !Number.isInteger(b.version) || b.version < 1) {
    throw new BackupError('version must be a whole number');
  }
  if (b.version > BACKUP_VERSION) {
    throw new BackupError(
      `it was made by a newer Suyuan (backup version ${b.version}, this one reads ${BACKUP_VERSION})`,
    );
  }
  if (typeof b.exportedAt !== 'string' || Number.isNaN(Date.parse(b.exportedAt))) {
    throw new BackupError('exportedAt must be a date');
  }
  let settings: Settings;
  try {
    settings = { ...DEFAULT_SETTINGS, ...validateSettingsPatch(b.settings) };
  } catch (err) {
    throw new BackupError(`settings: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(b.docs)) throw new BackupError('docs must be a list');
  const docs = b.docs.map(validateDoc);
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.id)) throw new BackupError(`the document id ${d.id} appears twice`);
    seen.add(d.id);
  }
  return { format: BACKUP_FORMAT, version: b.version, exportedAt: b.exportedAt, settings, docs };
}
