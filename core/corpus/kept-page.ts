// A page kept while reading (the keep-pages setting) as a corpus document, and the two keys that
// make sure a page is never kept twice: its address without the #fragment, and its text with
// whitespace removed (the same speech reached by another address, or reposted).
import { pageFacts } from '../evidence/page-facts';
import type { PageText } from '../model/page';
import { textKey, urlKey } from './page-keys';
import type { CorpusDoc } from '../model/types';

export { textKey, urlKey };

/** The page's title without the site name a browser title usually ends with ("… - 某某网"). */
export function pageTitle(title: string, text: string): string {
  const cut = title.split(/\s+[-_|–—]\s+|\s*[|｜]\s*/)[0]?.trim();
  if (cut) return cut;
  return text.trim().split('\n')[0]?.trim().slice(0, 60) || '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'page';
  } catch {
    return 'page';
  }
}

/**
 * The corpus document for a kept page: under user/kept/<host>/, named by the day it was kept and
 * its text key, so an export lists kept pages by site. Date and place are the page's own
 * (pageFacts), not the day it was read.
 */
export function keptPageDoc(page: PageText, capturedAt: Date): CorpusDoc & { via: 'kept' } {
  const facts = pageFacts({ text: page.text, title: page.title, url: page.url, meta: page.meta, lead: page.lead });
  const key = textKey(page.text).split(':')[1]!;
  const day = capturedAt.toISOString().slice(0, 10);
  const doc: CorpusDoc & { via: 'kept' } = {
    id: `user/kept/${hostOf(page.url)}/${day}-${key}.md`,
    title: pageTitle(page.title, page.text) || hostOf(page.url),
    origin: 'user',
    via: 'kept',
    url: urlKey(page.url),
    capturedAt: capturedAt.toISOString(),
    source: urlKey(page.url),
    body: page.text,
  };
  if (facts.date) doc.date = facts.date;
  if (facts.place) doc.place = facts.place;
  return doc;
}
