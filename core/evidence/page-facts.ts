// The page's own date and place, read from what the page says about itself. Pure: the background,
// the CLI and the corpus import all call this one function.
import { pageDate } from './page-date';
import { pagePlace } from './page-place';
import { placesNamed } from './gazetteer';

export interface PageFactsInput {
  text: string;
  title?: string;
  url?: string;
  /** Meta tags, name (or property) → content. */
  meta?: Record<string, string>;
  /** Lines of the page outside `text` that carry its date (a header's 发布时间：…, a dateline):
   *  the extractor drops them as page furniture, so the content script sends them apart. */
  lead?: string;
  frontMatter?: { date?: string; place?: string };
}

export interface PageFacts {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  /** A division's full name (西宁市), or what the front matter says. */
  place: string | null;
}

/** Level words alone (区, （区）, 本区, 市辖区, 城区) say what kind of place, not which. */
const NO_NAME = /^(?:[全本我该各]?[省市县区旗州盟镇乡]|市辖区|城区|郊区|新区|街道|社区)$/;

/** A written place (西宁, 西宁市) as its full name when the gazetteer knows it, else as written;
 *  null when it names no place. */
function canonicalPlace(written: string): string | null {
  const name = written.replace(/[\s()（）【】[\]「」“”"'：:，,。.]/g, '');
  if (!name || NO_NAME.test(name)) return null;
  const places = placesNamed(name);
  return places.length === 1 ? places[0]!.name : name;
}

export function pageFacts(input: PageFactsInput): PageFacts {
  const date = pageDate({
    text: input.text,
    lead: input.lead,
    title: input.title,
    url: input.url,
    meta: input.meta,
    frontMatterDate: input.frontMatter?.date,
  });
  // A bare level (区, 市, 县) says what kind of place, not which: read the text instead.
  const fmPlace = input.frontMatter?.place ? canonicalPlace(input.frontMatter.place) : null;
  const place = fmPlace ?? pagePlace(input.text, input.title ?? '');
  return { date, place };
}
