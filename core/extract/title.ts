// Which line is the speech's title. Sites put the site name in <title> and the real title in a
// heading (or as the first line of the content box), so the heading wins when it is there.
import type { Paragraph } from './blocks';
import { WS_RUN } from '../text/whitespace';

export function chooseTitle(docTitle: string, headings: string[], kept: Paragraph[]): string {
  const first = kept[0];
  // A heading at the top of the main content is the title of that content.
  if (first && first.heading > 0 && first.heading <= 3) return first.text;
  const hs = headings.map((h) => h.replace(WS_RUN, ' ').trim()).filter((h) => h.length >= 2);
  // The heading the <title> also names, else the page's only h1-ish heading.
  const named = hs.find((h) => docTitle !== '' && (docTitle.includes(h) || h.includes(docTitle)));
  if (named) return named;
  if (docTitle !== '') return docTitle;
  return hs[0] ?? (first ? first.text.slice(0, 60) : '');
}
