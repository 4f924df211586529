// Names the copier forgot to change. Two kinds of proof, neither needing NER:
// - substitution consistency: the diff shows the source's name swapped for another in one place
//   (斯鑫良→王建国, 西宁→临江) and the same name is left unchanged in another;
// - jurisdiction: a place of the source's own jurisdiction inside copied text, where the page names
//   another place as its own (a 平乐县 page keeping 西宁).
import type { Leftover, LeftoverKind, Passage } from '../model/types';
import { unchangedRanges, swapsOf, type Range } from './diff-segments';
import { findPlaces, placesNamed, within, type Place, type PlaceHit } from './gazetteer';
import { orgTail, swapKind } from './name-kind';
import { endsFreely, startsWord } from './word-edges';

export interface SourceInfo {
  body: string;
  place: string | null;
}

interface Particular {
  kind: LeftoverKind;
  docId: string;
  /** What the page writes instead. */
  pageUses: string;
}

/** The names each passage's diff shows swapped; a name swapped for different words keeps the first. */
function swappedNames(passages: Passage[], source: (docId: string) => SourceInfo | null): Map<string, Particular> {
  const out = new Map<string, Particular>();
  for (const s of swapsOf(passages)) {
    if (out.has(s.from)) continue;
    const body = source(s.docId)?.body;
    const kind = body === undefined ? null : swapKind(s.from, s.to, body, s.doc);
    if (kind) out.set(s.from, { kind, docId: s.docId, pageUses: s.to });
  }
  return out;
}

/** Is the page text outside the copied ranges using `name` itself (then it is the page's word too)? */
function usedOutside(text: string, name: string, ranges: Range[]): boolean {
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    if (!ranges.some((r) => r.start <= i && i + name.length <= r.end)) return true;
  }
  return false;
}

/** A place name standing as a word: it starts one, and a short form does not run into a common word. */
function standsAlone(text: string, h: PlaceHit): boolean {
  return startsWord(text, h.start, h.end) && (!h.short || endsFreely(text, h.start, h.end));
}

function related(a: Place, b: Place): boolean {
  return within(a, b) || within(b, a);
}

/** How the page writes its own place most often (西宁 or 西宁市), or the full name. */
function writtenForm(text: string, own: Place[]): string {
  const counts = new Map<string, number>();
  for (const h of findPlaces(text))
    if (h.places.some((p) => own.includes(p))) counts.set(h.text, (counts.get(h.text) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? own[0]!.name;
}

function leftover(text: string, start: number, end: number, p: Particular): Leftover {
  const kind = p.kind === 'place' && orgTail(text, end) ? 'organisation' : p.kind;
  const stop = kind === 'organisation' && p.kind === 'place' ? end + orgTail(text, end) : end;
  const written = text.slice(start, stop);
  return {
    start,
    end: stop,
    text: written,
    kind,
    docId: p.docId,
    evidence: `来源写作 ${written}；本页其他处写作 ${p.pageUses}`,
    pageUses: p.pageUses,
  };
}

/** Places of a source's jurisdiction in its copied ranges, when the page's own place is another.
 *  Names are read in the whole text (a copied range may cut one) and must start a word there. */
function jurisdictionLeftovers(
  text: string,
  ranges: Range[],
  pagePlace: string | null,
  source: (docId: string) => SourceInfo | null,
): Leftover[] {
  const own = pagePlace ? placesNamed(pagePlace) : [];
  if (own.length === 0 || ranges.length === 0) return [];
  const out: Leftover[] = [];
  const pageUses = writtenForm(text, own);
  for (const h of findPlaces(text)) {
    const r = ranges.find((x) => x.start <= h.start && h.end <= x.end);
    if (!r) continue;
    const theirs = placesNamed(source(r.docId)?.place ?? '');
    if (theirs.length === 0 || theirs.some((t) => own.some((o) => related(t, o)))) continue;
    const inTheirs = h.places.some((p) => theirs.some((t) => within(p, t)));
    const inOurs = h.places.some((p) => own.some((o) => related(p, o)));
    if (!inTheirs || inOurs || usedOutside(text, h.text, ranges) || !standsAlone(text, h)) continue;
    out.push(leftover(text, h.start, h.end, { kind: 'place', docId: r.docId, pageUses }));
  }
  return out;
}

export function nameLeftovers(
  text: string,
  passages: Passage[],
  pagePlace: string | null,
  source: (docId: string) => SourceInfo | null,
): Leftover[] {
  const ranges = unchangedRanges(passages);
  const out = jurisdictionLeftovers(text, ranges, pagePlace, source);
  // A swapped place counts where the text names that place, not inside another word or name
  // (天山 swapped, 天山南北 the mountains; 海南 swapped, 海上海南 a slogan).
  const placeAt = new Map(findPlaces(text).map((h) => [h.start, h]));
  for (const [name, p] of swappedNames(passages, source)) {
    if (usedOutside(text, name, ranges)) continue;
    for (const r of ranges) {
      if (r.docId !== p.docId) continue;
      const slice = text.slice(r.start, r.end);
      for (let i = slice.indexOf(name); i !== -1; i = slice.indexOf(name, i + name.length)) {
        const at = r.start + i;
        const hit = placeAt.get(at);
        if (p.kind === 'place' && (hit?.text !== name || !standsAlone(text, hit))) continue;
        out.push(leftover(text, at, at + name.length, p));
      }
    }
  }
  return out;
}
