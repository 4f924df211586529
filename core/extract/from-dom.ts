// Main text of the live page, for the content script: the same block scoring as from-html over
// the real DOM, with every extracted character remembering its text node and offset so that a
// span of the text becomes one DOM Range (across <strong>, <span>, &nbsp; and line breaks).
// No htmlparser2 here: it would be bundled into every page. The walk uses a TreeWalker (no
// recursion, no layout queries) and stops after `maxNodes`, so a huge page costs a bounded time.
import { BLOCK_TAGS, BlockBuilder, NEVER_CHROME_TAGS, SKIP_TAGS, cleanTitle, isChromeName, pickMain } from './blocks';
import type { Paragraph } from './blocks';
import { chooseTitle } from './title';

export interface DomText {
  title: string;
  text: string;
  /** The DOM Range covering text[start, end), or null if the span holds no page character. */
  rangeOf(start: number, end: number): Range | null;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
// DOM constants as numbers, so nothing depends on globals a test environment may lack.
const ELEMENT = 1;
const TEXT = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;


function skipElement(el: Element, tag: string): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // Most elements carry no attributes: one cheap check spares four lookups.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // The style attribute, not el.style or getComputedStyle: no style object or layout per element.
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  if (NEVER_CHROME_TAGS.has(tag)) return false;
  const cls = el.getAttribute('class');
  return (cls !== null && isChromeName(cls)) || (el.id !== '' && isChromeName(el.id));
}

export function extractFromDocument(doc: Document, opts: { maxNodes?: number } = {}): DomText {
  const maxNodes = opts.maxNodes ?? 150_000;
  const builder = new BlockBuilder<Text>(true);
  const headings: string[] = [];
  const root = doc.body ?? doc.documentElement;
  let visited = 0;

  // Parallel stacks mirror the open elements: what each one changed (kind, heading level before it).
  const BLOCK = 0;
  const LINK = 1;
  const INLINE = 2;
  const kinds: number[] = [];
  const outerHeading: number[] = [];
  let links = 0;
  let heading = 0;
  let headingText = null as string | null; // widened: closures below assign it

  const enterElement = (el: Element): void => {
    const tag = el.localName;
    if (BLOCK_TAGS.has(tag)) {
      builder.open();
      kinds.push(BLOCK);
      outerHeading.push(heading);
      if (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') {
        heading = Number(tag[1]);
        if (headingText === null) headingText = '';
      }
    } else if (tag === 'a') {
      links++;
      kinds.push(LINK);
      outerHeading.push(heading);
    } else {
      kinds.push(INLINE);
      outerHeading.push(heading);
    }
  };

  const leave = (): void => {
    const kind = kinds.pop();
    const outer = outerHeading.pop() ?? 0;
    if (kind === BLOCK) {
      builder.close();
      if (heading > 0 && outer === 0 && headingText !== null) {
        headings.push(headingText);
        headingText = null;
      }
      heading = outer;
    } else if (kind === LINK) links--;
  };

  // A native TreeWalker does the traversal (fast in browsers). No filter callback: calling into JS
  // for every node costs more than the walk; skipped subtrees are stepped over by hand. Element
  // ends are seen when the next node's parent is not the innermost open element.
  if (root && !skipElement(root, root.localName)) {
    const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    const open: Node[] = [root];
    enterElement(root);
    let n = walker.nextNode();
    while (n !== null && visited < maxNodes) {
      visited++;
      const parent = n.parentNode;
      while (open.length > 1 && open[open.length - 1] !== parent) {
        open.pop();
        leave();
      }
      if (n.nodeType === TEXT) {
        const data = (n as Text).data;
        if (headingText !== null) headingText += data;
        builder.text(data, n as Text, links > 0, heading);
        n = walker.nextNode();
      } else if (skipElement(n as Element, (n as Element).localName)) {
        n = stepOver(walker);
      } else {
        enterElement(n as Element);
        open.push(n);
        n = walker.nextNode();
      }
    }
  }
  while (kinds.length > 0) leave();
  builder.finish();

  const kept = pickMain(builder.paragraphs, builder.parent);
  const paras = kept.map((i) => builder.paragraphs[i]!);
  const starts: number[] = [];
  let text = '';
  for (const p of paras) {
    if (text !== '') text += '\n';
    starts.push(text.length);
    text += p.text;
  }
  return {
    title: chooseTitle(cleanTitle(doc.title ?? ''), headings, paras),
    text,
    rangeOf: (start, end) => rangeOf(doc, paras, starts, start, end),
  };
}

/** The text node and offset of character `k` of a paragraph (binary search over its runs). */
function locate(p: Paragraph<Text>, k: number): [Text, number] {
  const segs = p.segs!;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.at <= k) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  return [seg.ref, seg.offset + (k - seg.at)];
}

/** The node after the walker's current node and its whole subtree, or null at the end. */
function stepOver(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next !== null) return next;
    if (walker.parentNode() === null) return null;
  }
}

/** Paragraph index holding text offset `at` (the last paragraph starting at or before it). */
function paraAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function rangeOf(doc: Document, paras: Paragraph<Text>[], starts: number[], start: number, end: number): Range | null {
  if (paras.length === 0 || end <= start) return null;
  // Move the ends off the '\n' separators onto page characters.
  let a = paraAt(starts, start);
  let aOff = start - starts[a]!;
  if (aOff >= paras[a]!.text.length) {
    a++;
    aOff = 0;
  }
  let b = paraAt(starts, end - 1);
  let bOff = end - 1 - starts[b]!;
  if (bOff >= paras[b]!.text.length) bOff = paras[b]!.text.length - 1;
  if (a >= paras.length || a > b || (a === b && aOff > bOff)) return null;
  const [startNode, startOffset] = locate(paras[a]!, aOff);
  const [endNode, endOffset] = locate(paras[b]!, bOff);
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
}
