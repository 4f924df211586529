// MatchOptions with every default filled in (the defaults and their reasons: core/model/tunables.ts).
import type { MatchOptions } from '../model/types';
import { TUNABLES, formulaMinFamilies } from '../model/tunables';

export interface MatchSettings {
  top: number;
  minPassageLength: number;
  boilerplateMinDocs: number;
  formulaPhrases: string[];
  ignorePhrases: string[];
  /** Slots never compared with the page (its own saved copies): no vote, and not counted in
   *  document frequencies. Filled by the engine, which knows the slots. */
  exclude: ReadonlySet<number>;
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
    top: o.top ?? TUNABLES.top.default,
    minPassageLength: o.minPassageLength ?? TUNABLES.minPassageLength.default,
    boilerplateMinDocs: formulaMinFamilies(liveDocs, o.boilerplateMinDocs),
    formulaPhrases: o.formulaPhrases ?? [],
    ignorePhrases: o.ignorePhrases ?? [],
    exclude: new Set(),
  };
}
