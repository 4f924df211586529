// Every number a person can tune, defined once: default, bounds and meaning. The engine takes its
// defaults from here, the background and the panel validate against the bounds, the CLI checks its
// flags with them, and `Settings` (core/model/settings.ts) is derived from them.

export interface Tunable {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export const TUNABLES = {
  /** The passage floor: shared text shorter than this (normalised characters, about two clauses) is
   *  a phrase, not a passage. Single shared sentences are mostly a speaker repeating a set line or a
   *  meeting's standard wording; at 25 they made up most of what was marked on novel speeches (eval
   *  over seeds 1–6: novel marked up to 2.4 % at 25, at most 1.4 % at 40, with recall unchanged).
   *  Such phrases still show as boilerplate and in lookup. Below 8 every set phrase would flood the
   *  passage list. */
  minPassageLength: { default: 40, min: 8, max: 10_000 },
  /** The formula threshold's floor: a phrasing used by at least this many corpus documents (families
   *  of near-duplicates count once) is a 提法, not evidence of copying. Five independent speeches
   *  sharing a wording make it a formula rather than a source. The engine raises it with the corpus
   *  (`formulaMinFamilies`) so one topic's cluster does not turn into formula. */
  boilerplateMinDocs: { default: 5, min: 2, max: 10_000 },
  /** How many closest speeches `match` returns. */
  top: { default: 5, min: 1, max: 10_000 },
  /** Most hits a lookup returns (the total still counts all). */
  lookupLimit: { default: 50, min: 1, max: 10_000 },
  /** Characters of context either side of a lookup hit. */
  lookupContext: { default: 20, min: 0, max: 1_000 },
} as const satisfies Record<string, Tunable>;

/** Is `v` a whole number inside the tunable's bounds? */
export function inBounds(t: Tunable, v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= t.min && v <= t.max;
}

/** THE formula rule, the one the engine, the extension, the CLI and `suyuan serve` all apply: a
 *  wording is formula (a 提法, never evidence of copying) when at least max(floor, 1 % of the live
 *  documents) families hold it. `floor` is the formula-threshold setting (default 5); the extension
 *  and the CLI pass it alike, and the corpus scaling applies to both. */
export function formulaMinFamilies(liveDocs: number, floor: number = TUNABLES.boilerplateMinDocs.default): number {
  return Math.max(floor, Math.ceil(liveDocs / 100));
}
