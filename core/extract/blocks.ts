// The part of main-text extraction that does not care where the page comes from. A walker (over
// an htmlparser2 tree or over the live DOM) feeds text, block breaks and element nesting into a
// BlockBuilder; `pickMain` then scores the resulting paragraphs readability-style and keeps the
// ones in the main content. Sharing this keeps the HTML-file import and the content script in
// agreement about what "the speech" on a page is.
import { isJunkLine } from './junk';

/** Tags whose content is never text a reader sees. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'input', 'head', 'title',
  'video', 'audio', 'map',
]);

/** Tags that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table',
  'tr', 'td', 'th', 'tbody', 'thead', 'section', 'article', 'main', 'blockquote', 'pre', 'hr',
  'center', 'figure', 'figcaption', 'body', 'html', 'address', 'fieldset', 'caption',
]);

// Class/id words of page chrome. Matched at the start of a class token or after - or _, so
// "sidebar-left" and "article-nav" match but "canvas" does not; has-/with-/no- tokens are
// layout flags on a wrapper, not the chrome itself.
const CHROME_WORD =
  /(?:^|[-_])(?:nav|menu|breadcrumb|crumbs?|sidebar|side|footer|foot|comments?|share|sharing|social|related|relate|xgwz|copyright|banner|ads?(?=$|[-_\d])|advert|toolbar|pager|pagination|recommend|login|topbar|hotnews|tags?(?=$|[-_\d]))/i;
const FLAG_PREFIX = /^(?:has|with|no|is|show|hide)-/i;

/** True if an element's class or id names page chrome (navigation, sidebar, footer, …). */
export function isChromeName(classAndId: string): boolean {
  if (classAndId === '') return false;
  const single = classAndId.indexOf(' ') < 0;
  for (const token of single ? [classAndId] : classAndId.split(/\s+/)) {
    if (token === '' || FLAG_PREFIX.test(token)) continue;
    if (CHROME_WORD.test(token)) return true;
  }
  return false;
}

/** Elements never worth treating as chrome by name: dropping them would drop the page. */
export const NEVER_CHROME_TAGS = new Set(['html', 'body', 'main', 'article']);

/** Where a run of a paragraph's text comes from: text[at…] is source `ref` from `offset` on. */
export interface Segment<R> {
  at: number;
  ref: R;
  offset: number;
}

export interface Paragraph<R> {
  text: string;
  /** Index of the innermost block element holding the paragraph. */
  container: number;
  /** Characters that sit inside <a>. */
  linkChars: number;
  /** Heading level 1–6, 0 for body text. */
  heading: number;
  /** Source runs in text order (only when tracking): a run never spans collapsed whitespace. */
  segs?: Segment<R>[];
}

/** Whitespace as a browser collapses it, plus the full-width space and zero-width marks. */
function isSpace(c: number): boolean {
  return (
    c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

/** Collects paragraphs from a document walk; whitespace collapses the way a browser renders it. */
export class BlockBuilder<R> {
  readonly paragraphs: Paragraph<R>[] = [];
  /** parent[i]: the enclosing block element of block element i (-1 at the top). */
  readonly parent: number[] = [];
  private stack: number[] = [];
  private cur: Paragraph<R> | null = null;
  private pendingSpace = false;

  constructor(private readonly track: boolean) {}

  /** Enters a block-level element; returns its index. */
  open(): number {
    this.breakLine();
    const id = this.parent.length;
    this.parent.push(this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1);
    this.stack.push(id);
    return id;
  }

  close(): void {
    this.breakLine();
    this.stack.pop();
  }

  breakLine(): void {
    if (this.cur !== null) {
      this.paragraphs.push(this.cur);
      this.cur = null;
    }
    this.pendingSpace = false;
  }

  text(raw: string, ref: R, inLink: boolean, heading: number): void {
    const n = raw.length;
    let i = 0;
    while (i < n) {
      if (isSpace(raw.charCodeAt(i))) {
        this.pendingSpace = true;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isSpace(raw.charCodeAt(j))) j++;
      let p = this.cur;
      if (p === null) {
        p = { text: '', container: this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1, linkChars: 0, heading };
        if (this.track) p.segs = [];
        this.cur = p;
        this.pendingSpace = false;
      }
      if (this.pendingSpace) {
        // A space only matters between Latin words; between Han characters it is layout.
        if (p.text.charCodeAt(p.text.length - 1) < 0x2e80 && raw.charCodeAt(i) < 0x2e80) {
          p.segs?.push({ at: p.text.length, ref, offset: Math.max(0, i - 1) });
          p.text += ' ';
          if (inLink) p.linkChars++;
        }
        this.pendingSpace = false;
      }
      p.segs?.push({ at: p.text.length, ref, offset: i });
      p.text += raw.slice(i, j);
      if (inLink) p.linkChars += j - i;
      i = j;
    }
  }

  finish(): void {
    this.breakLine();
  }
}

const CLAUSE = new Set(Array.from('，,。；;！!？?、', (c) => c.charCodeAt(0)));

function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

function countClauses(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (CLAUSE.has(s.charCodeAt(i))) n++;
  return n;
}

/**
 * Indices of the paragraphs that make up the main content, in document order.
 * Readability's idea: every paragraph of prose votes for its container and (less) for the
 * containers above; the container with most prose and fewest links wins, and siblings
 * with comparable prose join it (pages that split a speech across several boxes).
 */
export function pickMain<R>(paragraphs: Paragraph<R>[], parent: number[]): number[] {
  const n = parent.length;
  const score = new Float64Array(n + 1); // slot n stands for "the top"
  const chars = new Float64Array(n + 1);
  const links = new Float64Array(n + 1);
  const slot = (c: number) => (c < 0 ? n : c);

  for (const p of paragraphs) {
    const han = countHan(p.text);
    // Characters and links roll up to every ancestor, so link density is known everywhere.
    for (let c = p.container, guard = 0; guard < 200; c = parent[c] ?? -1, guard++) {
      chars[slot(c)]! += p.text.length;
      links[slot(c)]! += p.linkChars;
      if (c < 0) break;
    }
    if (han < 8 || p.linkChars > p.text.length / 2) continue;
    const vote = 1 + countClauses(p.text) + Math.min(han / 50, 6);
    let c = p.container;
    for (let level = 0; level < 4 && c >= 0; level++) {
      score[c]! += level <= 1 ? vote : vote / level;
      c = parent[c] ?? -1;
    }
  }

  let best = -1;
  let bestScore = 0;
  for (let c = 0; c < n; c++) {
    const density = chars[c]! > 0 ? links[c]! / chars[c]! : 0;
    const s = score[c]! * (1 - density);
    score[c] = s;
    // Ties go to the outer element; the tighter box is chosen below only if it holds the text.
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }

  // A box inside the winner that holds nearly all of its text is the tighter choice (the
  // winner then only adds a title or a date line above the text).
  for (let c = best + 1; best >= 0 && c < n; c++) {
    const share = (chars[c]! - links[c]!) / Math.max(1, chars[best]! - links[best]!);
    if (score[c]! >= bestScore * 0.9 && share >= 0.95 && isInside(c, best, parent)) {
      best = c;
      bestScore = score[c]!;
    }
  }

  const keep = new Set<number>();
  if (best < 0) {
    // No prose anywhere (a bare text file): keep everything that is not a link list.
    keep.add(-1);
  } else {
    keep.add(best);
    const top = parent[best] ?? -1;
    for (let c = 0; c < n; c++) {
      if (c !== best && parent[c] === top && score[c]! >= Math.max(10, bestScore * 0.2)) keep.add(c);
    }
  }

  const out: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (!inside(p.container, keep, parent)) continue;
    if (p.linkChars > p.text.length / 2) continue;
    if (isJunkLine(p.text)) continue;
    out.push(i);
  }
  return out;
}

function isInside(c: number, ancestor: number, parent: number[]): boolean {
  for (let guard = 0; c >= 0 && guard < 200; c = parent[c] ?? -1, guard++) if (c === ancestor) return true;
  return false;
}

function inside(c: number, keep: Set<number>, parent: number[]): boolean {
  if (keep.has(-1)) return true;
  for (let guard = 0; c >= 0 && guard < 200; c = parent[c] ?? -1, guard++) {
    if (keep.has(c)) return true;
  }
  return false;
}

/** Cleans a page <title>: drops the " - 站点名" / "_网站" suffix sites append. */
export function cleanTitle(title: string): string {
  const t = title.replace(WS_RUN, ' ').trim();
  const parts = t.split(/\s*(?:[-_|｜—–]|::)\s*/);
  if (parts.length > 1 && parts[0]!.length >= 4) return parts[0]!;
  return t;
}
const WS_RUN = /[\s\u00a0\u3000]+/g;
