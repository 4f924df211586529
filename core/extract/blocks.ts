// The part of main-text extraction that does not care where the page comes from. A walker (over
// an htmlparser2 tree or over the live DOM) feeds text, block breaks and element nesting into a
// BlockBuilder; `pickMain` then scores the resulting paragraphs readability-style and keeps the
// ones in the main content. Sharing this keeps the HTML-file import and the content script in
// agreement about what "the speech" on a page is.
import { isJunkLine } from './junk';
import { WS_RUN, isBlank } from '../text/whitespace';

// Tag lists as one string each: the content script carries this file, and a split string is
// smaller than an array literal of quoted names.
/** Tags whose content is never text a reader sees. */
export const SKIP_TAGS = new Set(
  'script style noscript template svg math iframe object embed canvas nav header footer aside form button select textarea input head title video audio map'.split(
    ' ',
  ),
);

/** Tags that start a new line of text. */
export const BLOCK_TAGS = new Set(
  'p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tr td th tbody thead section article main blockquote pre hr center figure figcaption body html address fieldset caption'.split(
    ' ',
  ),
);

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
export const NEVER_CHROME_TAGS = new Set('html body main article'.split(' '));

export interface Paragraph {
  text: string;
  /** Index of the innermost block element holding the paragraph. */
  container: number;
  /** Characters that sit inside <a>. */
  linkChars: number;
  /** Heading level 1–6, 0 for body text. */
  heading: number;
  /** Its source runs are runs[seg0, seg1) of the builder's RunTable (only when tracking). */
  seg0: number;
  seg1: number;
}

/**
 * Where the paragraphs' characters come from, as runs: character `at[k]` of its paragraph and
 * the ones after it are source `ref[k]` from offset `offset[k]` on. Three flat arrays rather
 * than an object per run: a 100,000-node page makes tens of thousands of runs.
 */
export interface RunTable<R> {
  at: number[];
  ref: R[];
  offset: number[];
}

export interface BlockBuilder<R> {
  readonly paragraphs: Paragraph[];
  /** parent[i]: the enclosing block element of block element i (-1 at the top). */
  readonly parent: number[];
  /** Source runs of every paragraph (filled only when tracking). */
  readonly runs: RunTable<R>;
  /** Enters a block-level element. */
  open(): void;
  close(): void;
  text(raw: string, ref: R, inLink: boolean, heading: number): void;
  finish(): void;
}

/** Collects paragraphs from a document walk; whitespace collapses the way a browser renders it.
 *  (A closure, not a class: its state minifies to one-letter names in the content script.) */
export function blockBuilder<R>(track: boolean): BlockBuilder<R> {
  const paragraphs: Paragraph[] = [];
  const parent: number[] = [];
  const runs: RunTable<R> = { at: [], ref: [], offset: [] };
  const stack: number[] = [];
  let cur: Paragraph | null = null;
  let pendingSpace = false;

  const top = () => (stack.length > 0 ? stack[stack.length - 1]! : -1);
  const breakLine = (): void => {
    if (cur !== null) {
      cur.seg1 = runs.at.length;
      paragraphs.push(cur);
      cur = null;
    }
    pendingSpace = false;
  };
  const run = (at: number, ref: R, offset: number): void => {
    if (!track) return;
    runs.at.push(at);
    runs.ref.push(ref);
    runs.offset.push(offset);
  };

  return {
    paragraphs,
    parent,
    runs,
    open() {
      breakLine();
      parent.push(top());
      stack.push(parent.length - 1);
    },
    close() {
      breakLine();
      stack.pop();
    },
    text(raw, ref, inLink, heading) {
      const n = raw.length;
      let i = 0;
      while (i < n) {
        if (isBlank(raw.charCodeAt(i))) {
          pendingSpace = true;
          i++;
          continue;
        }
        let j = i + 1;
        while (j < n && !isBlank(raw.charCodeAt(j))) j++;
        let p = cur;
        if (p === null) {
          const seg = runs.at.length;
          p = cur = { text: '', container: top(), linkChars: 0, heading, seg0: seg, seg1: seg };
          pendingSpace = false;
        }
        if (pendingSpace) {
          // A space only matters between Latin words; between Han characters it is layout.
          if (p.text.charCodeAt(p.text.length - 1) < 0x2e80 && raw.charCodeAt(i) < 0x2e80) {
            run(p.text.length, ref, Math.max(0, i - 1));
            p.text += ' ';
            if (inLink) p.linkChars++;
          }
          pendingSpace = false;
        }
        run(p.text.length, ref, i);
        // The whole node in one piece when it has no inner whitespace (the common case).
        p.text += i === 0 && j === n ? raw : raw.slice(i, j);
        if (inLink) p.linkChars += j - i;
        i = j;
      }
    },
    finish: breakLine,
  };
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

/** A paragraph most of whose text is link text: a menu item or a related-links entry. */
function isLinkLine(p: Paragraph): boolean {
  return p.linkChars > p.text.length / 2;
}

/**
 * Indices of the paragraphs that make up the main content, in document order.
 * Readability's idea: every paragraph of prose votes for its container and (less) for the
 * containers above; the container with most prose and fewest links wins, and siblings
 * with comparable prose join it (pages that split a speech across several boxes).
 * Link lines (mostly link text) neither vote nor count towards a box's size or link density:
 * 30,000 related links after a speech, in the speech's own box, must not drown it.
 * Block indices grow in document order and a parent is opened before its children, so
 * parent[c] < c: one pass from the last block down to the first rolls totals up to ancestors.
 */
export function pickMain(paragraphs: Paragraph[], parent: number[]): number[] {
  const n = parent.length;
  const score = new Float64Array(n + 1); // slot n stands for "the top"
  const chars = new Float64Array(n + 1);
  const links = new Float64Array(n + 1);
  const slot = (c: number) => (c < 0 ? n : c);

  for (const p of paragraphs) {
    if (isLinkLine(p)) continue;
    chars[slot(p.container)]! += p.text.length;
    links[slot(p.container)]! += p.linkChars;
    const han = countHan(p.text);
    if (han < 8) continue;
    const vote = 1 + countClauses(p.text) + Math.min(han / 50, 6);
    let c = p.container;
    for (let level = 0; level < 4 && c >= 0; level++) {
      score[c]! += level <= 1 ? vote : vote / level;
      c = parent[c] ?? -1;
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    const up = slot(parent[c] ?? -1);
    chars[up]! += chars[c]!;
    links[up]! += links[c]!;
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

  // kept[c]: block c is, or sits inside, a kept box (parents come first, so one pass).
  const kept = new Uint8Array(n + 1);
  if (best < 0) {
    // No prose anywhere (a bare text file): keep everything that is not a link list.
    kept.fill(1);
  } else {
    kept[best] = 1;
    const top = parent[best] ?? -1;
    for (let c = 0; c < n; c++) {
      if (c !== best && parent[c] === top && score[c]! >= Math.max(10, bestScore * 0.2)) kept[c] = 1;
    }
    for (let c = 0; c < n; c++) if (kept[c] === 0 && (parent[c] ?? -1) >= 0 && kept[parent[c]!] === 1) kept[c] = 1;
  }

  const out: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (kept[slot(p.container)] !== 1) continue;
    if (isLinkLine(p)) continue;
    if (isJunkLine(p.text)) continue;
    out.push(i);
  }
  return out;
}

function isInside(c: number, ancestor: number, parent: number[]): boolean {
  for (let guard = 0; c >= 0 && guard < 200; c = parent[c] ?? -1, guard++) if (c === ancestor) return true;
  return false;
}

/** Cleans a page <title>: drops the " - 站点名" / "_网站" suffix sites append. */
export function cleanTitle(title: string): string {
  const t = title.replace(WS_RUN, ' ').trim();
  const parts = t.split(/\s*(?:[-_|｜—–]|::)\s*/);
  if (parts.length > 1 && parts[0]!.length >= 4) return parts[0]!;
  return t;
}
