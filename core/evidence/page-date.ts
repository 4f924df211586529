// The page's own date, from the most trustworthy place that gives one: meta tags, a labelled line
// (发布时间：…), a dateline under the title or at the end, the URL path, the title, the first lines.
import { asciiDigits, findDates, isoDate, parseDate } from './chinese-date';

/** Meta names (lower case) that carry a publication date, most specific first. */
const META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:release_date',
  'publishdate',
  'pubdate',
  'publish_date',
  'publishtime',
  'firstpublishedtime',
  'articlepublishtime',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'date',
  'maketime',
];

export function metaDate(meta: Record<string, string> | undefined): string | null {
  if (!meta) return null;
  const lower = new Map(Object.entries(meta).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of META_KEYS) {
    const v = lower.get(key);
    const d = v ? parseDate(v) : null;
    if (d) return d;
  }
  return null;
}

/** 发布时间：2023-05-06, 日期: 2023年5月6日, 时间：二〇二三年五月六日 (the label decides, not the position). */
const LABEL = /(?:发布|发稿|发文|成文|印发|更新|录入|上传)?(?:时间|日期)\s*[：:]\s*/g;

export function labelledDate(text: string): string | null {
  for (const m of text.matchAll(LABEL)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const d = findDates(after)[0];
    if (d && d.index === 0) return d.iso;
  }
  return null;
}

/** A line that is only a date, maybe in brackets: （2023年1月12日）, 2023年1月12日, 二〇二三年一月. */
function datelineOf(line: string): string | null {
  const t = line.trim().replace(/^[（(［[【]\s*|\s*[）)］\]】]$/g, '');
  if (t.length === 0 || t.length > 20) return null;
  const found = findDates(t);
  const d = found[0];
  if (!d || found.length !== 1 || d.iso.length < 7) return null;
  const rest = asciiDigits(t).slice(0, d.index) + asciiDigits(t).slice(d.index + d.length);
  return /^[\s，,、。.于在]*$/.test(rest) ? d.iso : null;
}

export function datelineDate(text: string, where: 'top' | 'end'): string | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const pick = where === 'top' ? lines.slice(0, 6) : lines.slice(-4).reverse();
  for (const line of pick) {
    const d = datelineOf(line);
    if (d) return d;
  }
  return null;
}

/** /2023/05/06/, /202305/t20230506_1.html, /2023-05-06/, /20230506/, /2023/05/. */
export function urlDate(url: string | undefined): string | null {
  if (!url) return null;
  // The path only: a host name's digits (a 2023 in a domain) are no date.
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  const full = /(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(path);
  if (full) return isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
  const month = /\/((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])\//.exec(path);
  return month ? isoDate(Number(month[1]), Number(month[2])) : null;
}

/** A year in the title (2023年政府工作报告, 在2022年全市经济工作会议上的讲话). */
export function titleDate(title: string | undefined): string | null {
  if (!title) return null;
  const d = findDates(title)[0];
  return d ? d.iso : null;
}

/** A full date on a short line near the top: a subtitle like "2023年1月12日在全县经济工作会议上". */
export function openingDate(text: string): string | null {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 6);
  for (const line of lines) {
    if (line.trim().length > 40) continue;
    const d = findDates(line).find((x) => x.iso.length === 10);
    if (d) return d.iso;
  }
  return null;
}

export function pageDate(input: {
  text: string;
  title?: string;
  url?: string;
  meta?: Record<string, string>;
  /** The page's header lines outside the text (发布时间：… 来源：…): the site's posting date, after
   *  the text's own label and dateline (a 范文网 reposting a 2019 speech in 2024 is the 2019 speech). */
  lead?: string;
  frontMatterDate?: string;
}): string | null {
  const fm = input.frontMatterDate ? parseDate(input.frontMatterDate) : null;
  const lead = input.lead ?? '';
  return (
    fm ??
    metaDate(input.meta) ??
    labelledDate(input.text.slice(0, 2000)) ??
    datelineDate(input.text, 'top') ??
    labelledDate(lead) ??
    openingDate(lead) ??
    urlDate(input.url) ??
    datelineDate(input.text, 'end') ??
    titleDate(input.title) ??
    openingDate(input.text)
  );
}
