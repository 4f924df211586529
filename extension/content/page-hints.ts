// What a page says about its own date outside the text the extractor keeps: its date meta tags
// (article:published_time, PubDate, publishdate…) and the short header lines it drops as page
// furniture (发布时间：2023-05-06 来源：…). The background reads them with the text (pageFacts).

const META_NAME = /date|time|pub/i;
/** A labelled date or a source line: the header furniture that carries the page's date. */
const HINT = /(?:时间|時間|日期)\s*[:：]|[来來]源\s*[:：]/;
const MAX_LINE = 80;

/** Date-like meta tags, name (or property) → content, each short (the background keeps 24). */
export function dateMeta(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of Array.from(doc.querySelectorAll('meta[content]'))) {
    const k = m.getAttribute('name') ?? m.getAttribute('property');
    const v = m.getAttribute('content')!;
    if (k && META_NAME.test(k) && v.length <= MAX_LINE) out[k] ??= v;
  }
  return out;
}

/** Up to four header lines with a date label, each the largest short element around the label
 *  (the label and its date are often separate spans), from the first nodes of the page. */
export function leadLines(doc: Document, maxNodes = 3000): string {
  const lines: string[] = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let hits = 0;
  for (let i = 0, n = walker.nextNode(); n && i < maxNodes && hits < 8; i++, n = walker.nextNode()) {
    let el = n.parentElement;
    if (!el || /^(SCRIPT|STYLE)$/i.test(el.tagName) || !HINT.test((n as Text).data)) continue;
    hits++;
    while (el.parentElement && el.parentElement.textContent!.length <= MAX_LINE) el = el.parentElement;
    const line = el.textContent!.replace(/\s+/g, ' ').trim();
    if (line.length <= MAX_LINE && !lines.includes(line)) lines.push(line);
    if (lines.length >= 4) break;
  }
  return lines.join('\n');
}
