// Why a backup cannot be restored, as a code with parameters, so the panel shows it in the
// interface's language (components/i18n: backupError); `message` is the English text for logs and
// for callers across the message channel.

export type BackupErrorCode =
  | 'notJson'
  | 'notObject'
  | 'format'
  | 'version'
  | 'newer'
  | 'exportedAt'
  | 'settings'
  | 'docsList'
  | 'noDocs'
  | 'docNotObject'
  | 'docField'
  | 'docValue'
  | 'duplicate';

export interface BackupErrorParams {
  /** docs[i] of the problem document. */
  index?: number;
  /** The field or setting concerned. */
  field?: string;
  /** The backup's version (newer). */
  version?: number;
  /** A document id (duplicate). */
  id?: string;
}

const ENGLISH: Record<BackupErrorCode, (p: BackupErrorParams) => string> = {
  notJson: () => 'the file is not valid JSON',
  notObject: () => 'the file is not a JSON object',
  format: () => 'format is not "suyuan-backup"',
  version: () => 'version must be a whole number',
  newer: (p) => `it was made by a newer Suyuan (backup version ${p.version})`,
  exportedAt: () => 'exportedAt must be a date',
  settings: (p) => `settings: ${p.field ?? 'settings'} is not a valid setting or value`,
  docsList: () => 'docs must be a list',
  noDocs: () => 'the file has no docs list',
  docNotObject: (p) => `docs[${p.index}] is not an object`,
  docField: (p) => `docs[${p.index}] has an unknown field "${p.field}"`,
  docValue: (p) => `docs[${p.index}].${p.field} has a wrong value`,
  duplicate: (p) => `the document id ${p.id} appears twice`,
};

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: BackupErrorParams = {},
  ) {
    super(`Not a usable Suyuan backup: ${ENGLISH[code](params)}`);
    this.name = 'BackupError';
  }
}
