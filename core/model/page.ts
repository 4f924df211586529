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
