// What the page side and the engine side exchange about one page. Plain data: it crosses the
// messaging boundary, is stored per tab, and is rendered by the panel and the HTML report.
import type { BoilerplateSpan, DetectResult, DocMeta, MatchResult, SpeechVerdict } from './types';

/** What the content script extracted from a page. */
export interface PageText {
  url: string;
  title: string;
  text: string;
  detect: DetectResult;
  /** The page's date meta tags (name or property → content), for its own date (pageFacts). */
  meta?: Record<string, string>;
  /** Short lines outside the extracted text that carry the page's date (发布时间：…, a dateline). */
  lead?: string;
  /** The page's main text was cut for analysis (core/extract/from-dom.ts MAX_CHARS): `text` is its
   *  first part. An added field. */
  truncated?: true;
}

/** What the content script sends: the background adds the script to `detect` (checkPage). */
export type SentPage = Omit<PageText, 'detect'> & { detect: SpeechVerdict };

/** Everything the panel and the page need to show a comparison. Offsets are into `page.text`. */
export interface PageAnalysis {
  page: PageText;
  match: MatchResult;
  boilerplate: BoilerplateSpan[];
  /** Metadata of the candidate documents, by id. */
  docs: Record<string, DocMeta>;
  analysedAt: number;
  /** The formula phrases' firstSeen was left out (a worker start answers the page before building
   *  lookup's text); asking for the tab's analysis again gives it. */
  firstSeenPending?: true;
  /** Set when the user's team corpus (`suyuan serve`) was asked too (an added field). */
  team?: TeamPart;
}

/** The team corpus's part in an analysis. Its documents' ids start with `team:`. */
export interface TeamPart {
  server: string;
  /** Passages of the merged analysis that came from the team corpus. */
  passages?: number;
  /** Why the team corpus could not answer (the local analysis stands alone). */
  error?: string;
}

/** A speech the user adds (pasted, imported from a file, or the current page). */
export interface NewDoc {
  title: string;
  body: string;
  date?: string;
  place?: string;
  source?: string;
  /** The page it was added from ("add the current page"): never compared with its own copy. */
  url?: string;
  /** When it was added from that page (ISO 8601). */
  capturedAt?: string;
}
