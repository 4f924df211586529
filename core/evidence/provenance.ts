// Who had a passage first: every corpus document holding it, ordered by date, the earliest named
// as its origin (which may be the matched source itself or an older speech the source copied).
// Boilerplate phrases get the same treatment (firstSeen).
import type { CorpusStore } from '../index/corpus-store';
import type { BoilerplateSpan, DatedDoc, Passage } from '../model/types';
import { phraseHolders } from '../lookup/lookup';
import { holdersOf, withFamilies, type PageGramsIndex } from './holders';

/** Most other holders listed per passage. */
export const ALSO_IN_MAX = 20;

/** Partial ISO dates compare as strings ("2022" < "2022-09" < "2022-09-29"); undated last. */
export function byDate(a: string | undefined, b: string | undefined): number {
  if (a && b) return a < b ? -1 : a > b ? 1 : 0;
  return a ? -1 : b ? 1 : 0;
}

interface Dated {
  slot: number;
  id: string;
  date?: string;
}

function ordered(store: CorpusStore, slots: Iterable<number>): Dated[] {
  const out: Dated[] = [];
  for (const slot of slots) {
    const d = store.docs[slot];
    if (d) out.push({ slot, id: d.id, date: d.date });
  }
  // Ties keep slot order, so the result does not depend on Map iteration.
  return out.sort((a, b) => byDate(a.date, b.date) || a.slot - b.slot);
}

const dated = (d: Dated | undefined): DatedDoc | null => (d?.date ? { docId: d.id, date: d.date } : null);

export function passageProvenance(
  store: CorpusStore,
  g: PageGramsIndex,
  p: Passage,
  exclude: ReadonlySet<number>,
): Pick<Passage, 'origin' | 'alsoIn'> {
  const holders = holdersOf(store, g, p.start, p.end, exclude);
  const source = store.byId.get(p.docId);
  if (source !== undefined) holders.set(source, holders.get(source) ?? 1);
  withFamilies(store, holders, exclude);
  const all = ordered(store, holders.keys());
  const origin = dated(all.find((d) => d.date));
  return {
    origin,
    alsoIn: all
      .filter((d) => d.id !== p.docId)
      .slice(0, ALSO_IN_MAX)
      .map((d) => d.id),
  };
}

/** The earliest dated document using a formulaic phrase, found by exact phrase lookup. */
export function firstSeen(
  store: CorpusStore,
  span: BoilerplateSpan,
  exclude: ReadonlySet<number>,
  holders: Iterable<number> = phraseHolders(store, span.phrase),
): DatedDoc | null {
  let best: Dated | undefined;
  for (const slot of holders) {
    const d = store.docs[slot];
    if (!d?.date || exclude.has(slot)) continue;
    if (!best || byDate(d.date, best.date) < 0 || (d.date === best.date && slot < best.slot))
      best = { slot, id: d.id, date: d.date };
  }
  return dated(best);
}
