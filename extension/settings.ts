// User settings: one defaults object, a versioned storage item, and validation of every patch so
// a bad value from the panel or a backup never reaches the engine.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../core/model/settings';
import { TUNABLES, inBounds, type Tunable } from '../core/model/tunables';

export { DEFAULT_SETTINGS };

export const SETTINGS_VERSION = 1;

export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  // Future versions add `n: (old) => new` here; the item runs them on first access.
  migrations: {},
});

type Check = (v: unknown) => boolean;
const isStringList: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const count = (t: Tunable): [Check, string] => [(v) => inBounds(t, v), `a whole number from ${t.min} to ${t.max}`];

const CHECKS: Record<keyof Settings, [Check, string]> = {
  autoHighlight: [(v) => typeof v === 'boolean', 'true or false'],
  disabledSites: [isStringList, 'a list of host names'],
  boilerplateMinDocs: count(TUNABLES.boilerplateMinDocs),
  minPassageLength: count(TUNABLES.minPassageLength),
  formulaPhrases: [isStringList, 'a list of phrases'],
  ignorePhrases: [isStringList, 'a list of phrases'],
  keepPages: [(v) => typeof v === 'boolean', 'true or false'],
  keepPagesExcludedSites: [isStringList, 'a list of host names'],
  welcomeDone: [(v) => typeof v === 'boolean', 'true or false'],
  teamServer: [
    (v) => v === '' || (typeof v === 'string' && /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v.trim())),
    'empty or an http(s) address',
  ],
  teamToken: [(v) => typeof v === 'string' && v.length <= 4096 && !/[\r\n]/.test(v), 'a token on one line'],
};

/** A bad settings patch; `key` names the setting (absent when the patch is not an object). */
export class SettingsError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Validates a partial settings object; throws a SettingsError naming the first bad field. Keys
 *  are checked as own properties of the table, so `__proto__`, `constructor` or `toString` in a
 *  file are unknown settings, never Object.prototype's members. */
export function validateSettingsPatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new SettingsError('Settings must be an object');
  }
  const out: Partial<Record<keyof Settings, unknown>> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(CHECKS, key)) throw new SettingsError(`Unknown setting: ${key}`, key);
    const k = key as keyof Settings;
    const [check, expected] = CHECKS[k];
    if (!check(value)) throw new SettingsError(`Setting ${key} must be ${expected}`, key);
    out[k] = Array.isArray(value)
      ? cleanList(value as string[], key === 'disabledSites' || key === 'keepPagesExcludedSites')
      : value;
  }
  return out as Partial<Settings>;
}

function cleanList(list: string[], hosts: boolean): string[] {
  const cleaned = list.map((s) => (hosts ? s.trim().toLowerCase().replace(/^\.+/, '') : s.trim())).filter(Boolean);
  return [...new Set(cleaned)];
}

/** Stored values over defaults, so settings added in a later version get their default. A stored
 *  field that fails validation (hand-edited storage, an old bug) falls back to its default alone. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return out;
  for (const [key, value] of Object.entries(stored)) {
    try {
      Object.assign(out, validateSettingsPatch({ [key]: value }));
    } catch (err) {
      console.warn('[suyuan] ignoring stored setting:', err instanceof Error ? err.message : err);
    }
  }
  return out;
}

export async function saveSettings(patch: unknown): Promise<Settings> {
  const valid = validateSettingsPatch(patch);
  const next = { ...(await loadSettings()), ...valid };
  await settingsItem.setValue(next);
  return next;
}

/** Replaces all settings (backup import); `full` must already be validated. */
export async function replaceSettings(full: Settings): Promise<void> {
  await settingsItem.setValue({ ...full });
}
