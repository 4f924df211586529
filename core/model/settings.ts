// The user's settings: one defaults object, the type derived from it. The numeric settings are
// tunables (core/model/tunables.ts); storage and validation live in extension/settings.ts.
import { TUNABLES } from './tunables';

const defaults = {
  autoHighlight: true,
  /** Hostnames (suffix match) where Suyuan never runs. */
  disabledSites: [] as string[],
  boilerplateMinDocs: TUNABLES.boilerplateMinDocs.default as number,
  minPassageLength: TUNABLES.minPassageLength.default as number,
  /** Phrases always treated as formula. */
  formulaPhrases: [] as string[],
  /** Phrases ignored entirely. */
  ignorePhrases: [] as string[],
  /** Save every page detected as a speech into the user corpus (opt-in; it stays in the browser). */
  keepPages: false,
  /** Hostnames (suffix match) whose pages are never kept. */
  keepPagesExcludedSites: [] as string[],
  /** The first-run choice (keep pages or not) has been made. */
  welcomeDone: false,
  /** The team corpus: the address of a `suyuan serve` ('' = none; until set, no network request). */
  teamServer: '',
  /** Its bearer token, if it asks for one. */
  teamToken: '',
};

export type Settings = typeof defaults;

/** The settings' defaults; the background fills missing stored values from them. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaults);
