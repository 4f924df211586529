// MatchOptions with every default filled in (the defaults and their reasons: core/model/tunables.ts).
import type { MatchOptions } from '../model/types';
import { TUNABLES, defaultBoilerplateMinDocs } from '../model/tunables';

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

export function resolveSettings(liveDocs: number, o: MatchOptions = {}): MatchSettings {
  return {
    top: o.top ?? TUNABLES.top.default,
    minPassageLength: o.minPassageLength ?? TUNABLES.minPassageLength.default,
    boilerplateMinDocs: o.boilerplateMinDocs ?? defaultBoilerplateMinDocs(liveDocs),
    formulaPhrases: o.formulaPhrases ?? [],
    ignorePhrases: o.ignorePhrases ?? [],
    exclude: new Set(),
  };
}
