// The one typed service the background offers to the side panel and the content script, and the
// messages that flow the other way. Callers go through the proxies in extension/messaging.ts;
// nobody sends string-typed ad-hoc messages.
import type { CorpusDoc, DocMeta, LookupResult } from '../core/model/types';
import type { NewDoc, PageAnalysis, PageText, SentPage } from '../core/model/page';
import type { Settings } from '../core/model/settings';
import type { DocPatch } from './storage/doc-patch';
import type { PageStrings } from './ui-lang';

// Kept so branches written before the move still compile; import from core/model/ instead.
export type { NewDoc, PageAnalysis, PageText, Settings };

/** One file of a corpus folder (what `suyuan --corpus` reads): path relative to it, content. */
export interface CorpusFile {
  path: string;
  content: string;
}

export interface ImportReport {
  added: DocMeta[];
  /** Files that were refused, with a reason a person can read. */
  errors: { name: string; reason: string }[];
  /** Files imported with a few invalid bytes replaced (U+FFFD): name and how many. */
  warnings?: { name: string; replaced: number }[];
}

/** The background's service. Every method is callable from the panel and the content script. */
/** What a backup restore did (or, previewed, would do). Fields are only ever added. */
export interface RestoreReport {
  added: number;
  replaced: number;
  /** Identical documents already stored. */
  unchanged: number;
  /** Documents whose stored copy is newer and was kept (the user did not ask to replace them). */
  keptNewer: number;
  /** Settings whose value the restore changed. */
  settingsChanged: (keyof Settings)[];
}

export interface SuyuanService {
  /** Content script → background: analyse this page (sets the badge, stores the result for the tab). */
  analyzePage(page: SentPage, tabId?: number): Promise<PageAnalysis | null>;
  /** Panel: the latest analysis of a tab (re-runs matching if needed), or null if none. */
  getTabAnalysis(tabId: number): Promise<PageAnalysis | null>;
  /** Panel: ask the tab's content script to scroll to and flash a page span. */
  revealInTab(tabId: number, start: number, end: number): Promise<boolean>;
  lookup(query: string, limit?: number): Promise<LookupResult>;
  /** Content script: the hover card's strings in the interface language (sent, not bundled: the
   *  content script has a size budget). */
  pageStrings(): Promise<PageStrings>;
  listDocs(): Promise<DocMeta[]>;
  getDoc(id: string): Promise<CorpusDoc | null>;
  addDocs(docs: NewDoc[]): Promise<DocMeta[]>;
  removeDoc(id: string): Promise<boolean>;
  /** Removes several user documents (the review of kept pages); returns how many went. */
  removeDocs(ids: string[]): Promise<number>;
  /** Changes a user document's fields (title, date, place, source, url; '' removes one but the
   *  title); its text is not editable. Returns the new metadata. */
  updateDoc(id: string, patch: DocPatch): Promise<DocMeta>;
  /** The pages kept while reading: how many, and the size of their text (UTF-8 bytes). */
  keptStats(): Promise<{ count: number; bytes: number }>;
  /** Documents read from a corpus folder or .zip (`id` = path relative to it), stored under
   *  `user/`; a document already stored under the same path is replaced. */
  importCorpus(docs: CorpusDoc[]): Promise<DocMeta[]>;
  /** The user corpus as corpus-folder files, `limit` documents from `offset` (oldest first). */
  exportCorpus(offset: number, limit: number): Promise<{ files: CorpusFile[]; total: number }>;
  /** Which of these user document ids IndexedDB holds now (an import's report counts these). */
  storedIds(ids: string[]): Promise<string[]>;
  /** A backup of the user corpus and settings, as a JSON string. */
  exportBackup(): Promise<string>;
  /** Restores a backup; on any error nothing already stored is changed. */
  importBackup(json: string, options?: { replaceNewer?: boolean }): Promise<RestoreReport>;
  /** Panel, after it restored a backup into IndexedDB itself: take the stored documents in. */
  corpusRestored(): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  /** The selection the context menu last asked to look up, consumed by the panel. */
  takePendingLookup(): Promise<string | null>;
  /** Content script (hover card click) → background: open the panel and show passage
   *  `passageIndex` of the tab's analysis. `tabId` defaults to the sender's tab. */
  showPassage(passageIndex: number, tabId?: number): Promise<void>;
  /** Content script → background: the passage under the pointer now (-1: none), told when it
   *  changes. The context menu's "view this passage" and the sidebar's shortcut open at it. */
  hoverPassage(passageIndex: number, tabId?: number): Promise<void>;
  /** Panel, on opening: the passage a hover-card click asked for in this tab in the last seconds
   *  (consumed), or null. */
  takePendingPassage(tabId: number): Promise<number | null>;
  /** Panel: does a `suyuan serve` answer at this address (with this token)? Sends only a health
   *  request; saving the address is a separate settings change. */
  testTeamServer(
    url: string,
    token: string,
  ): Promise<{ ok: true; docs: number; backend: string } | { ok: false; error: string }>;
}

/** Background → content script. */
export interface ContentService {
  reveal(start: number, end: number): Promise<boolean>;
  /** Re-extract, re-detect and re-highlight (e.g. after settings change). */
  refresh(): Promise<void>;
  getPageText(): Promise<SentPage | null>;
  /** A newer answer for the page's text (once lookup's text is built: the 提法 counts are then
   *  lookup's): marks and cards are redrawn in place; ignored if the page changed since. */
  update(analysis: PageAnalysis): Promise<void>;
}

/** Background/content → panel notifications (broadcast; the panel may be closed). */
export type PanelEvent =
  | { type: 'analysis-updated'; tabId: number }
  | { type: 'show-passage'; tabId: number; passageIndex: number }
  | { type: 'lookup'; query: string }
  | { type: 'corpus-changed' };
