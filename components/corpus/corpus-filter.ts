// Which corpus documents a filter keeps, and the counts the overview draws. Every metadata field
// is reachable: the text box searches title, source, address, date, place, capture time and id;
// year, place, source kind and script have their own choice.
import type { DocMeta } from '../../core/model/types';

export type SourceKind = 'bundled' | 'added' | 'kept' | 'imported';
export const SOURCE_KINDS: readonly SourceKind[] = ['bundled', 'added', 'kept', 'imported'];

export interface CorpusFilter {
  text: string;
  year: string;
  place: string;
  kind: SourceKind | '';
  script: string;
}

export const NO_FILTER: CorpusFilter = { text: '', year: '', place: '', kind: '', script: '' };

export const kindOf = (d: DocMeta): SourceKind => (d.origin === 'bundled' ? 'bundled' : (d.via ?? 'added'));
export const yearOf = (d: DocMeta): string => /^\d{4}/.exec(d.date ?? '')?.[0] ?? '';

export function matchesFilter(doc: DocMeta, f: CorpusFilter): boolean {
  if (f.year && yearOf(doc) !== f.year) return false;
  if (f.place && doc.place !== f.place) return false;
  if (f.kind && kindOf(doc) !== f.kind) return false;
  if (f.script && doc.script !== f.script) return false;
  const q = f.text.trim().toLowerCase();
  if (!q) return true;
  return [doc.title, doc.date, doc.place, doc.source, doc.url, doc.capturedAt, doc.id].some((v) =>
    v?.toLowerCase().includes(q),
  );
}

/** How many documents have each value of `key`, most first (ties in value order). */
export function countBy(docs: readonly DocMeta[], key: (d: DocMeta) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const k = key(d);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The user's own documents first, newest first (what was just added is in view), then the bundled. */
export function userFirst(docs: readonly DocMeta[]): DocMeta[] {
  return [...docs.filter((d) => d.origin === 'user').reverse(), ...docs.filter((d) => d.origin !== 'user')];
}
