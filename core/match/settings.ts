// Defaults of MatchOptions, in one place.
import type { MatchOptions } from '../model/types';

export interface MatchSettings {
  top: number;
  minPassageLength: number;
  boilerplateMinDocs: number;
  formulaPhrases: string[];
  ignorePhrases: string[];
}

/** Shared text shorter than this (normalised characters, about two clauses) is a phrase, not a
 *  passage: single shared sentences are mostly a speaker repeating a set line or a meeting's
 *  standard wording, and at 25 they made up most of what was marked on novel speeches (eval over
 *  seeds 1–6: novel marked up to 2.4 % at 25, at most 1.4 % at 40, with recall unchanged). Such
 *  phrases still show as boilerplate and in lookup. */
export const DEFAULT_MIN_PASSAGE_LENGTH = 40;

/** A phrase is boilerplate when at least max(5, 1 % of the corpus) documents use it: five
 *  independent speeches sharing a wording make it a formula (提法) rather than a source, and in a
 *  large corpus the bar rises with it so that one topic's cluster does not turn into formula. */
export function defaultBoilerplateMinDocs(liveDocs: number): number {
  return Math.max(5, Math.ceil(liveDocs / 100));
}

/** A passage held by at most this many families besides the page is copying among a few
 *  documents (policy diffusion: one sentence in three provinces' reports), reported with every
 *  holder; each of its characters is full evidence. */
export const FEW_HOLDERS = 4;

/** Evidence a matched character gives, by the families sharing its wording: full for a few
 *  holders, then falling as 1/df (wording spread over many speeches is weak evidence of copying
 *  one of them); formula characters count nothing (the caller skips them). */
export function evidenceWeight(df: number): number {
  return df <= FEW_HOLDERS ? 1 : FEW_HOLDERS / df;
}

export function resolveSettings(liveDocs: number, o: MatchOptions = {}): MatchSettings {
  return {
    top: o.top ?? 5,
    minPassageLength: o.minPassageLength ?? DEFAULT_MIN_PASSAGE_LENGTH,
    boilerplateMinDocs: o.boilerplateMinDocs ?? defaultBoilerplateMinDocs(liveDocs),
    formulaPhrases: o.formulaPhrases ?? [],
    ignorePhrases: o.ignorePhrases ?? [],
  };
}
