// Marks every occurrence of user phrases (after normalisation) in a normalised page text.
import { normalize } from '../text/normalize';

export function phraseMask(text: string, phrases: string[], into?: Uint8Array): Uint8Array {
  const mask = into ?? new Uint8Array(text.length);
  for (const raw of phrases) {
    const q = normalize(raw).text;
    if (!q) continue;
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) mask.fill(1, at, at + q.length);
  }
  return mask;
}
