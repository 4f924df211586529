// All leftovers of a page: names, dates and placeholders, one per span, in page order.
import type { CorpusDoc, Leftover, Passage } from '../model/types';
import type { NormalizedText } from '../text/normalize';
import { unchangedRanges } from './diff-segments';
import { dateLeftovers } from './leftover-dates';
import { nameLeftovers, type SourceInfo } from './leftover-names';
import { placeholderLeftovers } from './leftover-placeholders';
import { pageFacts, type PageFacts } from './page-facts';

/** A source document's own date and place: its metadata, else what its text says. */
export function sourceFacts(doc: CorpusDoc): PageFacts {
  return pageFacts({ text: doc.body, title: doc.title, frontMatter: { date: doc.date, place: doc.place } });
}

const KIND_ORDER = ['place', 'organisation', 'person', 'date', 'placeholder'];

/** Overlapping finds keep one: the longer, then the more specific kind. */
function dedupe(all: Leftover[]): Leftover[] {
  all.sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const out: Leftover[] = [];
  for (const l of all) {
    const last = out[out.length - 1];
    if (last && l.start < last.end) continue;
    out.push(l);
  }
  return out;
}

export function findLeftovers(
  text: string,
  n: NormalizedText,
  passages: Passage[],
  facts: PageFacts,
  docOf: (docId: string) => CorpusDoc | undefined,
): Leftover[] {
  // A source's facts are read from its whole text (its place is a gazetteer scan of it): only
  // when a check needs them. The swapped names need just the body, and a page with no date or
  // no place of its own never asks a source for its own.
  const cache = new Map<string, (PageFacts & { body: string }) | null>();
  const info = (docId: string) => {
    if (!cache.has(docId)) {
      const d = docOf(docId);
      let facts: PageFacts | undefined;
      const read = (): PageFacts => (facts ??= sourceFacts(d!));
      cache.set(
        docId,
        d
          ? {
              body: d.body,
              get date() {
                return read().date;
              },
              get place() {
                return read().place;
              },
            }
          : null,
      );
    }
    return cache.get(docId)!;
  };
  const source = (docId: string): SourceInfo | null => info(docId);
  const ranges = unchangedRanges(passages);
  return dedupe([
    ...nameLeftovers(text, passages, facts.place, source),
    ...dateLeftovers(text, ranges, facts.date, (id) => info(id)?.date ?? null),
    ...placeholderLeftovers(text, n),
  ]);
}
