// The engine's public surface: the CLI, the background and the tests use only this.
import type { BoilerplateSpan, CorpusDoc, DocMeta, LookupResult, MatchOptions, MatchResult } from './types';

export interface LookupOptions {
  /** Most hits to return (total still counts all). */
  limit?: number;
  /** Characters of context either side of a hit. */
  contextChars?: number;
}

export interface Engine {
  /** Metadata of every document, in corpus order. */
  list(): DocMeta[];
  get(id: string): CorpusDoc | undefined;
  /** Adds (or replaces, by id) documents, indexing them incrementally. */
  add(docs: CorpusDoc[]): void;
  remove(id: string): boolean;
  /** Closest speeches and reused passages (with word-level diffs) for a page text. */
  match(text: string, options?: MatchOptions): MatchResult;
  /** Spans of the page whose phrasing is formulaic (used by many corpus documents). */
  boilerplate(text: string, options?: MatchOptions): BoilerplateSpan[];
  /** match() and boilerplate() of one page together, normalising and profiling it once. */
  analyse(text: string, options?: MatchOptions): { match: MatchResult; boilerplate: BoilerplateSpan[] };
  /** Builds now what a restored snapshot leaves for first use (lookup's normalised corpus text and
   *  phrase postings), so the first lookup is as fast as the rest. */
  prepare(): void;
  /** Every occurrence of a phrase across the corpus, Simplified/Traditional agnostic. */
  lookup(query: string, options?: LookupOptions): LookupResult;
}

/** A versioned, JSON-serialisable copy of a built index, so the bundled corpus is indexed at
 *  build time and loaded fast. `restoreEngine` rebuilds from the documents if the version differs. */
export interface EngineSnapshot {
  version: number;
  [key: string]: unknown;
}

// Implemented by createEngine and restoreEngine in core/engine.ts.
