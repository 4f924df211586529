// MatchOptions with every default filled in (the defaults and their reasons: core/model/tunables.ts).
import type { MatchOptions } from '../model/types';
import { TUNABLES, defaultBoilerplateMinDocs } from '../model/tunables';

export interface MatchSettings {
  top: number;
  minPassageLength: number;
  boilerplateMinDocs: number;
  formulaPhrases: string[];
  ignorePhrases: string[];
}

export function resolveSettings(liveDocs: number, o: MatchOptions = {}): MatchSettings {
  return {
    top: o.top ?? TUNABLES.top.default,
    minPassageLength: o.minPassageLength ?? TUNABLES.minPassageLength.default,
    boilerplateMinDocs: o.boilerplateMinDocs ?? defaultBoilerplateMinDocs(liveDocs),
    formulaPhrases: o.formulaPhrases ?? [],
    ignorePhrases: o.ignorePhrases ?? [],
  };
}
