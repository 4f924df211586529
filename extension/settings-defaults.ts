// Settings defaults, free of any storage import: the panel and the background share them.
import { DEFAULT_MIN_PASSAGE_LENGTH } from '../core/match/settings';
import type { Settings } from './protocol';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autoHighlight: true,
  disabledSites: [],
  // A phrasing used by this many bundled speeches is a 提法, not evidence of copying.
  boilerplateMinDocs: 5,
  // The engine's default (why 40: core/match/settings.ts).
  minPassageLength: DEFAULT_MIN_PASSAGE_LENGTH,
  formulaPhrases: [],
  ignorePhrases: [],
});
