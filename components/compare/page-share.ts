// The share of the page each source's passages cover: the one meaning of a percentage in the
// source list. Counted like the match's reuseRatio (non-whitespace characters), so the sources'
// shares add up to the page's reuse.
import type { Passage } from '../../core/model/types';

export function pageShares(text: string, passages: Passage[]): Map<string, number> {
  const owner: (string | undefined)[] = new Array(text.length);
  for (const p of passages) for (let i = p.start; i < p.end && i < text.length; i++) owner[i] ??= p.docId;
  let total = 0;
  const count = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    total++;
    const id = owner[i];
    if (id !== undefined) count.set(id, (count.get(id) ?? 0) + 1);
  }
  const out = new Map<string, number>();
  for (const [id, k] of count) out.set(id, total ? k / total : 0);
  return out;
}
