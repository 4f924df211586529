// Shared data model of the engine. Everything here is plain data (JSON-serialisable), so the
// same values travel between the background, the side panel, the content script and the CLI.

export type Script = 'simplified' | 'traditional' | 'mixed';

/** Metadata of one corpus speech. `id` is stable: the path relative to the corpus folder with `/`. */
export interface DocMeta {
  id: string;
  title: string;
  date?: string;
  place?: string;
  source?: string;
  script?: Script;
  /** 'bundled' ships with the extension; 'user' was added by the user. */
  origin: 'bundled' | 'user';
  /** The page address a document was saved from ("add the current page"): a page is never
   *  compared with its own saved copy. */
  url?: string;
  /** When it was saved from that page (ISO 8601). */
  capturedAt?: string;
  /** How a user document came in: added by hand (a page, pasted text, a file), kept while reading
   *  (the keep-pages setting), or imported from a corpus folder or .zip. Absent: added. */
  via?: DocVia;
  /** A document of the team corpus (`suyuan serve`), opened from the server; its id starts with
   *  `team:`. */
  team?: boolean;
}

export type DocVia = 'added' | 'kept' | 'imported';

/** A corpus speech: metadata and body (the text after front matter). Offsets into a doc refer to `body`. */
export interface CorpusDoc extends DocMeta {
  body: string;
}

export interface DetectResult {
  speechLike: boolean;
  /** 0..1 */
  score: number;
  script: Script;
  /** Names of the signals that fired, e.g. "salutation:同志们", "title:讲话". */
  reasons: string[];
}

/** The verdict alone (what the content script computes; the background adds reasons and script). */
export type SpeechVerdict = Pick<DetectResult, 'speechLike' | 'score'>;

export interface Candidate {
  id: string;
  title: string;
  /** 0..1, higher is closer. */
  score: number;
}

/** One step of an in-passage diff: 0 equal, -1 only in the corpus doc, 1 only on the page. */
export type DiffOp = [op: -1 | 0 | 1, text: string];

export interface Passage {
  /** Offsets into the analysed page text. */
  start: number;
  end: number;
  docId: string;
  /** Offsets into the document body. */
  docStart: number;
  docEnd: number;
  /** 0..1 */
  similarity: number;
  /** Word-level diff from the document passage to the page passage, of the folded forms in the
   *  page's characters: every -1/+1 pair is a real edit, script differences are not. */
  diff?: DiffOp[];
  /** The diff with script-only differences (为→為) as -1/+1 pairs too; only when there are some. */
  scriptDiff?: DiffOp[];
  /** Every corpus document holding this passage, `docId` first (copying shared by a few
   *  documents names them all). */
  holders?: string[];
  /** The earliest-dated corpus document holding the passage (maybe `docId` itself); null when no
   *  holder is dated. */
  origin?: DatedDoc | null;
  /** The other documents holding it (near-duplicates included), earliest first, at most 20. */
  alsoIn?: string[];
}

/** A document and its date (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface DatedDoc {
  docId: string;
  date: string;
}

export type LeftoverKind = 'place' | 'person' | 'organisation' | 'date' | 'placeholder';

/** A span inside reused text that still carries the source's own particulars (its place, its
 *  officials, its year) or an unfilled template slot. Offsets into the page text. */
export interface Leftover {
  start: number;
  end: number;
  text: string;
  kind: LeftoverKind;
  /** The source the particular came from; null for placeholders. */
  docId: string | null;
  /** One readable sentence (Simplified Chinese), e.g. "来源写作 西宁；本页其他处写作 临江". */
  evidence: string;
  /** What this page writes instead elsewhere (its own place, the replacing name, its year), for
   *  the panel's localised hover text. */
  pageUses?: string;
}

export interface MatchResult {
  candidates: Candidate[];
  passages: Passage[];
  /** Share of the page's non-whitespace characters that fall inside passages. */
  reuseRatio: number;
  /** The page's own date (YYYY, YYYY-MM or YYYY-MM-DD) and place, as read from it. */
  date?: string | null;
  place?: string | null;
  /** Particulars of the sources left in the page, in page order. */
  leftovers?: Leftover[];
  /** Corpus documents that are this page's own saved copy, left out of the comparison. */
  selfCopies?: string[];
}

export interface BoilerplateSpan {
  start: number;
  end: number;
  /** The page's own characters for the span. */
  phrase: string;
  /** How many corpus documents use this phrasing. */
  docFreq: number;
  /** Its earliest dated holder in the corpus, or null when none is dated. */
  firstSeen?: DatedDoc | null;
}

export interface LookupHit {
  docId: string;
  title: string;
  /** Offsets into the document body. */
  start: number;
  end: number;
  /** The hit with some text either side (KWIC). */
  context: string;
}

export interface LookupResult {
  query: string;
  /** Occurrences in the corpus (all of them, however many hits are returned). */
  total: number;
  /** Documents holding the phrase, over all occurrences. */
  docs: number;
  hits: LookupHit[];
}

/** Tunables of matching; defaults, bounds and reasons: core/model/tunables.ts. */
export interface MatchOptions {
  /** How many candidates to return. */
  top?: number;
  /** Passages shorter than this (normalised characters) are dropped. */
  minPassageLength?: number;
  /** The formula threshold's floor: a phrase held by at least max(this, 1 % of the corpus) families
   *  is boilerplate, not reuse (formulaMinFamilies in core/model/tunables.ts). */
  boilerplateMinDocs?: number;
  /** Phrases the user wants always treated as formula. */
  formulaPhrases?: string[];
  /** Phrases the user wants ignored entirely. */
  ignorePhrases?: string[];
  /** What is known about the page besides its text, for its own date and place and for finding
   *  its saved copies (same URL, or the same file). */
  page?: PageContext;
  /** Documents never compared with the page (its own saved copies), besides those found by URL. */
  exclude?: string[];
}

export interface PageContext {
  url?: string;
  title?: string;
  meta?: Record<string, string>;
  /** Date lines from outside the page's text (its header, its dateline). */
  lead?: string;
  frontMatter?: { date?: string; place?: string };
}
