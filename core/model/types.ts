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
}

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
  /** Word-level diff from the document passage to the page passage (original characters). */
  diff?: DiffOp[];
  /** Every corpus document holding this passage, `docId` first (copying shared by a few
   *  documents names them all). */
  holders?: string[];
}

export interface MatchResult {
  candidates: Candidate[];
  passages: Passage[];
  /** Share of the page's non-whitespace characters that fall inside passages. */
  reuseRatio: number;
}

export interface BoilerplateSpan {
  start: number;
  end: number;
  /** The page's own characters for the span. */
  phrase: string;
  /** How many corpus documents use this phrasing. */
  docFreq: number;
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
  total: number;
  hits: LookupHit[];
}

/** Tunables of matching; defaults live in core/engine. */
export interface MatchOptions {
  /** How many candidates to return. */
  top?: number;
  /** Passages shorter than this (normalised characters) are dropped. */
  minPassageLength?: number;
  /** A phrase used by at least this many corpus documents is boilerplate, not reuse. */
  boilerplateMinDocs?: number;
  /** Phrases the user wants always treated as formula. */
  formulaPhrases?: string[];
  /** Phrases the user wants ignored entirely. */
  ignorePhrases?: string[];
}
