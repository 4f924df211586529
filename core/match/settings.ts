// Defaults of MatchOptions, in one place.
import type { MatchOptions } from '../model/types';

export interface MatchSettings {
  top: number;
  minPassageLength: number;
  boilerplateMinDocs: number;
  formulaPhrases: string[];
  ignorePhrases: string[];
}

/** A phrase is boilerplate when at least max(5, 1 % of the corpus) documents use it: five
 *  independent speeches sharing a wording make it a formula (提法) rather than a source, and in a
 *  large corpus the bar rises with it so that one topic's cluster does not turn into formula. */
export function defaultBoilerplateMinDocs(liveDocs: number): number {
  return Math.max(5, Math.ceil(liveDocs / 100));
}

export function resolveSettings(liveDocs: number, o: MatchOptions = {}): MatchSettings {
  return {
    top: o.top ?? 5,
    minPassageLength: o.minPassageLength ?? 25,
    boilerplateMinDocs: o.boilerplateMinDocs ?? defaultBoilerplateMinDocs(liveDocs),
    formulaPhrases: o.formulaPhrases ?? [],
    ignorePhrases: o.ignorePhrases ?? [],
  };
}
