// Ground truth for the real-document eval: verbatim runs of at least RUN normalised characters a
// page shares with other documents, found by hashing every RUN-gram. A run held by at least the
// formula number of other documents is formula; shorter-held runs are copying.
import type { CorpusDoc } from '../../core/model/types';
import { normalize, toOriginal } from '../../core/text/normalize';
import { gramKeys } from './naive-matcher';

export const RUN = 40;

const PUNCT = /[\p{P}\p{S}]/u;

export class VerbatimTruth {
  private holders = new Map<number, number | number[]>();
  readonly ids: string[];

  constructor(docs: CorpusDoc[]) {
    this.ids = docs.map((d) => d.id);
    docs.forEach((d, k) => {
      for (const g of gramKeys(normalize(d.body).text, RUN)) {
        const v = this.holders.get(g);
        if (v === undefined) this.holders.set(g, k);
        else if (typeof v === 'number') {
          if (v !== k) this.holders.set(g, [v, k]);
        } else if (v[v.length - 1] !== k) v.push(k);
      }
    });
  }

  /** Per original page character: the other documents holding a non-formula run over it
   *  (`copy`), and 1 where only formula runs cover it (`formula`). */
  of(page: CorpusDoc, formulaMin: number): { copy: (Set<string> | undefined)[]; formula: Uint8Array } {
    const n = normalize(page.body);
    const copy: (Set<string> | undefined)[] = new Array(page.body.length);
    const formula = new Uint8Array(page.body.length);
    gramKeys(n.text, RUN).forEach((g, i) => {
      const v = this.holders.get(g);
      if (v === undefined) return;
      const others = (typeof v === 'number' ? [v] : v).map((k) => this.ids[k]!).filter((id) => id !== page.id);
      if (!others.length) return;
      // A run's edge punctuation is not copied wording: passages start and end at clauses, not on
      // the mark that ended the text before them.
      let a = i;
      let b = i + RUN;
      while (a < b && PUNCT.test(n.text[a]!)) a++;
      while (b > a && PUNCT.test(n.text[b - 1]!)) b--;
      const o = toOriginal(n, a, b);
      for (let c = o.start; c < o.end; c++) {
        if (others.length >= formulaMin) formula[c] = 1;
        else for (const id of others) (copy[c] ??= new Set()).add(id);
      }
    });
    for (let c = 0; c < copy.length; c++) if (copy[c]) formula[c] = 0;
    return { copy, formula };
  }
}
