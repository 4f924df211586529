// The two keys that make sure a page is never kept twice (kept-page.ts): its address without the
// #fragment, and its text with whitespace removed. Apart from kept-page.ts so storage can key
// every stored document by its text without pulling in page facts and their gazetteer.
import { textHash } from '../text/text-hash';

/** The address a kept page is known by: the same page whatever #fragment it was opened at. */
export function urlKey(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** The text without whitespace, hashed, with its length: equal texts, equal keys. */
export function textKey(text: string): string {
  const s = text.replace(/\s+/g, '');
  return `${s.length}:${textHash(s)}`;
}
