// Unfilled template slots on the page (XX、××、**、某某、X月X日): the same placeholders the
// normaliser folds to one wildcard so a template matches the speech filled in from it.
import type { Leftover } from '../model/types';
import { WILDCARD, normalize, toOriginal, type NormalizedText } from '../text/normalize';

/** Widens a slot to the date it sits in (×月×日 is one slot, not two). */
function widen(text: string, start: number, end: number): [number, number] {
  const m = /^[月日年号]?(?:[×xX*＊某〇○]+[月日号])*/.exec(text.slice(end));
  return [start, end + (m?.[0].length ?? 0)];
}

export function placeholderLeftovers(text: string, n: NormalizedText = normalize(text)): Leftover[] {
  const out: Leftover[] = [];
  const P = n.text;
  for (let i = P.indexOf(WILDCARD); i !== -1; i = P.indexOf(WILDCARD, i + 1)) {
    let j = i + 1;
    while (P[j] === WILDCARD) j++;
    const o = toOriginal(n, i, j);
    i = j - 1;
    // A lone × or * is multiplication or a slogan's sign (数据要素×) unless a date unit follows.
    if (o.end - o.start < 2 && !/^[月日年号时]/.test(text.slice(o.end))) continue;
    const [start, end] = widen(text, o.start, o.end);
    const last = out[out.length - 1];
    if (last && last.end >= start) {
      last.end = Math.max(last.end, end);
      last.text = text.slice(last.start, last.end);
      last.evidence = `未填写的模板占位符 ${last.text}`;
    } else {
      const written = text.slice(start, end);
      out.push({
        start,
        end,
        text: written,
        kind: 'placeholder',
        docId: null,
        evidence: `未填写的模板占位符 ${written}`,
      });
    }
    i = j - 1;
  }
  return out;
}
