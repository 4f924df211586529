// Settings defaults, free of any storage import: the panel and the background share them.
import type { Settings } from './protocol';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autoHighlight: true,
  disabledSites: [],
  // A phrasing used by this many bundled speeches is a 提法, not evidence of copying.
  boilerplateMinDocs: 5,
  // Shorter shared runs are mostly set phrases; 20 characters is about one clause.
  minPassageLength: 20,
  formulaPhrases: [],
  ignorePhrases: [],
});

