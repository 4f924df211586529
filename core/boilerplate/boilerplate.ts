// Formulaic spans of a page: characters under fingerprints used by at least boilerplateMinDocs
// corpus documents, plus user formula phrases, merged into phrase-sized spans. Ignored phrases
// are never reported.
import { GRAM, WINDOW } from '../index/grams';
import type { PageProfile } from '../match/page-profile';
import type { BoilerplateSpan } from '../model/types';
import { toOriginal } from '../text/normalize';
import { snapToWords } from '../text/word-bounds';

/** Winnowed fingerprints can leave up to WINDOW - GRAM characters between two formula grams. */
const MERGE_GAP = Math.max(0, WINDOW - GRAM) + 1;
/** Shorter formula spans are too short to be a phrase. */
const MIN_SPAN = 4;

/** The spans from a page profile (with or without votes: only its formula marks are read). */
export function boilerplateOfProfile(text: string, prof: PageProfile): BoilerplateSpan[] {
  const n = prof.n;
  const P = n.text;
  const out: BoilerplateSpan[] = [];
  let i = 0;
  while (i < P.length) {
    if (!prof.formula[i] || prof.ignored[i]) {
      i++;
      continue;
    }
    const a = i;
    let end = i;
    let df = 0;
    for (let j = i; j < P.length; j++) {
      if (prof.formula[j] && !prof.ignored[j]) {
        end = j + 1;
        const f = prof.formulaDf[j]!;
        if (f > 0 && (df === 0 || f < df)) df = f;
      } else if (j - end >= MERGE_GAP || prof.ignored[j]) break;
    }
    i = end;
    if (end - a < MIN_SPAN) continue;
    const raw = toOriginal(n, a, end);
    const o = snapToWords(text, raw.start, raw.end);
    if (!o || hanLength(text, o.start, o.end) < MIN_SPAN) continue;
    out.push({ start: o.start, end: o.end, phrase: text.slice(o.start, o.end), docFreq: df });
  }
  return out;
}

function hanLength(text: string, start: number, end: number): number {
  let k = 0;
  for (let i = start; i < end; i++) if (/\p{Script=Han}/u.test(text[i]!)) k++;
  return k;
}
