// Main text of the live page, for the content script: the same block scoring as from-html over
// the real DOM, with every extracted character traceable to its text node and offset so that a
// span of the text becomes one DOM Range (across <strong>, <span>, &nbsp; and line breaks).
// No htmlparser2 here: it would be bundled into every page.
//
// Cost is what matters on a 100,000-node page, and in a browser each DOM call costs more than
// the JS around it. So per node the walk makes about one TreeWalker move, reads nodeType, and
// reads `data` (text) or `localName` and `className` (elements); skipped subtrees are never
// entered; hidden elements and chrome ids come from one native querySelectorAll up front; the
// chrome verdict of a class string is cached (list items repeat the same class thousands of
// times); the character→node map is a flat run table searched only when a Range is asked for.
// The walk is resumable, so the content script runs it in slices and never holds the page.
// It goes into shadow roots and same-origin iframes' bodies; each is its own block, so no paragraph
// (and no Range) spans two trees. A shadow tree is read in rendered (composed) order: a host's light
// children are read where a <slot> shows them, and not at all when no slot does. Closed shadow roots
// need the caller's `shadowRootOf` (only an extension can open them); cross-origin frames cannot be
// read from here.
import { BLOCK_TAGS, blockBuilder, NEVER_CHROME_TAGS, SKIP_TAGS, cleanTitle, isChromeName, pickMain } from './blocks';
import type { BlockBuilder, Paragraph, RunTable } from './blocks';
import { slicer, type Slicer } from './slices';
import { chooseTitle } from './title';

export interface DomText {
  title: string;
  text: string;
  /** The DOM Range covering text[start, end), or null if the span holds no page character
   *  (or the page changed under it). */
  rangeOf(start: number, end: number): Range | null;
  /** The page's main text was longer than `maxChars` (or the walk stopped reading at 5 × that):
   *  `text` is its first part, cut at a paragraph end. */
  truncated?: true;
}

export interface ExtractOptions {
  /** The walk stops after this many DOM nodes: a bounded cost on a huge page. */
  maxNodes?: number;
  /** A custom element's closed shadow root, which the page's DOM hides (the content script passes
   *  chrome.dom.openOrClosedShadowRoot or Element.openOrClosedShadowRoot). Asked only for elements
   *  with a custom-element name, which are where closed roots live in practice: one extension-API
   *  call per element of a 100,000-node page would cost more than the walk. */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** The main text is cut to this many characters (MAX_CHARS): memory and analysis stay bounded
   *  on a multi-megabyte page. */
  maxChars?: number;
}

export interface SlicedExtractOptions extends ExtractOptions {
  /** Longest stretch of walking before giving the page its turn (default 8 ms). */
  sliceMs?: number;
  /** Stops the walk between slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The caller's slicer (its own length and signal then apply; sliceMs and signal are unused). */
  slice?: Slicer;
}

/** Extraction stops after this many DOM nodes: a bounded cost on huge pages. Typical article
 *  pages hold 1,000–10,000 nodes; 100,000 take 25–40 ms in Chromium on a loaded 2-core machine,
 *  walked in slices of at most ~8 ms, so the page never waits on us for longer than that. */
const MAX_NODES = 150_000;
/** A long work report is 20,000–40,000 characters; a page with more main text than this is
 *  analysed for its first MAX_CHARS only (and the panel says so). */
export const MAX_CHARS = 200_000;
/** Above this many elements the up-front query would hold the page too long (flaggedElements). */
const QUERY_MAX_ELEMENTS = 60_000;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
// DOM constants as numbers, so nothing depends on globals a test environment may lack.
const TEXT = 3;
const FRAME_TAGS = new Set(['iframe', 'frame']);
// What an open element changed, kept on a stack to undo it when the walk leaves the element.
const BLOCK = 0;
const LINK = 1;
const INLINE = 2;
/** Nodes between two clock reads (performance.now() per node would cost as much as the node). */
const CLOCK_EVERY = 32;

export function extractFromDocument(doc: Document, opts: ExtractOptions = {}): DomText {
  const walk = domWalk(doc, opts);
  walk.step(Infinity);
  return walk.result();
}

/** extractFromDocument in slices of about `sliceMs` (or of the caller's slicer, so that the walk
 *  and the work after it share one budget), yielding to the page between them. */
export async function extractFromDocumentSliced(doc: Document, opts: SlicedExtractOptions = {}): Promise<DomText> {
  opts.signal?.throwIfAborted();
  const slice = opts.slice ?? slicer(opts.sliceMs ?? 8, opts.signal);
  // The walk's set-up (one native query over the page) counts against the first slice.
  const walk = domWalk(doc, opts);
  for (;;) {
    const done = walk.step(slice.deadline);
    // Scoring and joining the text take a few ms: a fresh slice for them if half this one is gone.
    await slice.pause(done ? slice.ms / 2 : 0);
    if (done) return walk.result();
  }
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // The style attribute, not el.style or getComputedStyle: no style object or layout per element.
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Hidden elements, or ones whose id names page chrome. */
function isFlagged(el: Element): boolean {
  return isHidden(el) || (el.id !== '' && !NEVER_CHROME_TAGS.has(el.localName) && isChromeName(el.id));
}

/**
 * The flagged elements under `root`, found by one native query: far cheaper than four attribute
 * reads per element from JS (6 ms against 30 ms on 75,000 elements in Chromium). But the query is
 * one unbroken task over the whole page (51 ms on 200,000 elements under load), so above
 * QUERY_MAX_ELEMENTS it is not made: null, and the walk checks the elements it meets instead, in
 * its slices.
 */
function flaggedElements(root: Element, maxNodes: number): Set<Element> | null {
  if (root.getElementsByTagName('*').length > Math.min(maxNodes * 2, QUERY_MAX_ELEMENTS)) return null;
  const out = new Set<Element>();
  const found = root.querySelectorAll(':is([hidden],[aria-hidden],[style],[id])');
  for (let i = 0; i < found.length; i++) if (isFlagged(found[i]!)) out.add(found[i]!);
  return out;
}

/** A visible same-origin frame's body (null for other origins: contentDocument is null there). */
function frameBody(el: Element): Node | null {
  if (isFlagged(el)) return null;
  try {
    return (el as HTMLIFrameElement).contentDocument?.body ?? null;
  } catch {
    return null;
  }
}

interface DomWalk {
  /** Walks until the page is done (true) or the clock passes `deadline` (false). */
  step(deadline: number): boolean;
  /** The main text, once step() has returned true. */
  result(): DomText;
}

/** Which elements the walk skips (scripts, hidden or flagged elements, chrome by class name). */
function skipper(root: Element | null, maxNodes: number): (el: Element, tag: string, inner: boolean) => boolean {
  /** Flagged elements found up front, or null to check each element met. */
  const flagged = root ? flaggedElements(root, maxNodes) : null;
  const chromeClass = new Map<string, boolean>();
  // `inner`: inside a shadow root or a frame, which the up-front query does not see.
  return (el, tag, inner) => {
    if (SKIP_TAGS.has(tag)) return true;
    if (flagged === null || inner ? el.hasAttributes() && isFlagged(el) : flagged.size > 0 && flagged.has(el))
      return true;
    if (NEVER_CHROME_TAGS.has(tag)) return false;
    // A string for HTML elements ('' without a class); SVG's object form never gets here (skipped).
    const cls = el.className;
    if (typeof cls !== 'string' || cls === '') return false;
    let chrome = chromeClass.get(cls);
    if (chrome === undefined) {
      chrome = isChromeName(cls);
      chromeClass.set(cls, chrome);
    }
    return chrome;
  };
}

/** The walk's main text: the kept paragraphs, the title, and a map back to DOM ranges. */
function walkResult(
  doc: Document,
  builder: BlockBuilder<Text>,
  headings: string[],
  maxChars: number,
  cut: boolean,
): DomText {
  const { paragraphs, parent, runs } = builder;
  const paras = pickMain(paragraphs, parent).map((i) => paragraphs[i]!);
  // Whole paragraphs up to maxChars (the first one cut if it alone is longer).
  let keep = 0;
  for (let n = 0; keep < paras.length && n + paras[keep]!.text.length <= maxChars; keep++)
    n += paras[keep]!.text.length + 1;
  if (keep < paras.length) {
    cut = true;
    if (keep === 0) paras[0] = { ...paras[0]!, text: paras[0]!.text.slice(0, maxChars) };
    paras.length = Math.max(1, keep);
  }
  const text = paras.map((p) => p.text).join('\n');
  // Where each kept paragraph starts in the joined text.
  const starts: number[] = [];
  for (let i = 0, at = 0; i < paras.length; at += paras[i]!.text.length + 1, i++) starts.push(at);
  return {
    title: chooseTitle(cleanTitle(doc.title ?? ''), headings, paras),
    text,
    rangeOf: (start, end) => rangeOf(doc, paras, runs, starts, start, end),
    ...(cut && { truncated: true }),
  };
}

/** What the walk's open elements change, undone when it leaves them: block boundaries, link
 *  depth, heading level, and the text of the outermost heading. */
function nesting(builder: BlockBuilder<Text>, headings: string[]) {
  /** What each open element changed (BLOCK, LINK, INLINE). */
  const kinds: number[] = [];
  const outerHeading: number[] = [];
  let links = 0;
  let heading = 0;
  let headingText = null as string | null; // widened: the closures below assign it

  const enter = (tag: string): void => {
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
    } else {
      kinds.push(INLINE);
    }
  };

  /** Undoes the innermost open element; false when none was open. */
  const leave = (): boolean => {
    const kind = kinds.pop();
    if (kind === BLOCK) {
      builder.close();
      const outer = outerHeading.pop() ?? 0;
      if (heading > 0 && outer === 0 && headingText !== null) {
        headings.push(headingText);
        headingText = null;
      }
      heading = outer;
    } else if (kind === LINK) {
      links--;
    }
    return kind !== undefined;
  };

  /** Reads a text node; returns its length. */
  const text = (node: Text): number => {
    const data = node.data;
    if (headingText !== null) headingText += data;
    builder.text(data, node, links > 0, heading);
    return data.length;
  };

  return [enter, leave, text] as const;
}

/** Which node follows a finished one in the composed tree: its next sibling, or, when its parent
 *  is a slot showing light-DOM nodes, the next node assigned to that slot (they need not be
 *  siblings). A tuple of closures, so it minifies in the content script. */
function slotCursor() {
  const slots: Node[] = [];
  const lists: Node[][] = [];
  const at: number[] = [];
  /** Starts walking `nodes` in place of `slot`'s own children; the first of them. */
  const into = (slot: Node, nodes: Node[]): Node => {
    slots.push(slot);
    lists.push(nodes);
    at.push(0);
    return nodes[0]!;
  };
  const after = (x: Node, parent: Node | undefined): Node | null => {
    const k = slots.length - 1;
    if (k < 0 || parent !== slots[k]) return x.nextSibling;
    return lists[k]![++at[k]!] ?? null;
  };
  const out = (node: Node): void => {
    if (node !== slots[slots.length - 1]) return;
    slots.pop();
    lists.pop();
    at.pop();
  };
  return [into, after, out] as const;
}

/** The light-DOM nodes a <slot> shows (null when none: it shows its own fallback children). */
function assigned(el: Element): Node[] | null {
  const nodes = (el as Partial<HTMLSlotElement>).assignedNodes?.();
  return nodes?.length ? nodes : null;
}

/** A walk over the document that can stop at a deadline and resume where it stopped. (A
 *  closure, not a class: its state then minifies to one-letter names in the content script.) */
function domWalk(doc: Document, opts: ExtractOptions): DomWalk {
  const maxNodes = opts.maxNodes ?? MAX_NODES;
  const maxChars = opts.maxChars ?? MAX_CHARS;
  const builder = blockBuilder<Text>(true);
  const headings: string[] = [];
  /** The open elements, root first: the walk climbs back through them (no parentNode calls). */
  const open: Node[] = [];
  /** The shadow roots and frame bodies among them, outermost first. */
  const insides: Node[] = [];
  let visited = 0;
  /** Characters read: the walk stops at 5 × maxChars, so a multi-megabyte page is not held twice
   *  over (paragraphs, then their join) for text that would be cut anyway. */
  let read = 0;
  /** The node to visit next, null when the walk is over. */
  let next: Node | null = null;

  const root = doc.body ?? doc.documentElement;
  const skip = skipper(root, maxNodes);
  const closedRoot = opts.shadowRootOf;
  const [into, after, out] = slotCursor();

  // A tuple, not an object: its parts then minify to one-letter names in the content script.
  const [enter, leave, text] = nesting(builder, headings);

  if (root && !isFlagged(root) && !skip(root, root.localName, false)) {
    enter(root.localName);
    open.push(root);
    next = root.firstChild;
  }

  const step = (deadline: number): boolean => {
    let n = next;
    let count = 0;
    // Plain firstChild/nextSibling pointer chasing: cheaper per node than a TreeWalker's moves.
    while (n !== null && visited < maxNodes && read < maxChars * 5) {
      if (++count % CLOCK_EVERY === 0 && performance.now() >= deadline) {
        next = n;
        return false;
      }
      visited++;
      // Only elements have a localName: one property read tells elements from the rest.
      const tag = (n as Partial<Element>).localName;
      let inside: Node | null = null;
      if (typeof tag !== 'string') {
        if (n.nodeType === TEXT) read += text(n as Text);
      } else if (
        FRAME_TAGS.has(tag) ? (inside = frameBody(n as Element)) : !skip(n as Element, tag, insides.length > 0)
      ) {
        const el = n as Element;
        inside ??= el.shadowRoot ?? (closedRoot && tag.includes('-') ? closedRoot(el) : null);
        const shown = tag === 'slot' && insides.length > 0 ? assigned(el) : null;
        // A shadow root or a frame's body: a block of its own.
        enter(inside ? 'div' : tag);
        open.push(n);
        if (inside) {
          enter('div');
          open.push(inside);
          insides.push(inside);
        }
        const child = shown ? into(n, shown) : (inside ?? n).firstChild;
        if (child !== null) {
          n = child;
          continue;
        }
        n = inside ?? n;
      }
      n = climb(n);
    }
    next = null;
    open.length = 0;
    while (leave()) {
      // until no element is open
    }
    builder.finish();
    return true;
  };

  /** The next node after n's subtree, closing the elements it leaves. If the page moved nodes
   *  between slices this may wander off into a detached subtree; the walk still ends. */
  const climb = (n: Node): Node | null => {
    let sibling = n === open[open.length - 1] ? null : after(n, open[open.length - 1]);
    while (sibling === null && open.length > 1) {
      const up = open.pop()!;
      leave();
      out(up);
      if (up === insides[insides.length - 1]) {
        insides.pop();
        // Out of a shadow root (its host's light children were read at their slots, or are not
        // shown) or a frame's body: on past the host or the frame.
        const host = open.pop()!;
        leave();
        sibling = after(host, open[open.length - 1]);
      } else sibling = after(up, open[open.length - 1]);
    }
    return sibling;
  };

  return { step, result: () => walkResult(doc, builder, headings, maxChars, read >= maxChars * 5) };
}

/** Index of the last entry of sorted `xs[lo..hi]` that is ≤ `x`. */
function lastAtOrBefore(xs: number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text node and offset of character `k` of paragraph `p`. */
function locate(runs: RunTable<Text>, p: Paragraph, k: number): [Text, number] {
  const r = lastAtOrBefore(runs.at, k, p.seg0, p.seg1 - 1);
  return [runs.ref[r]!, runs.offset[r]! + (k - runs.at[r]!)];
}

function rangeOf(
  doc: Document,
  paras: Paragraph[],
  runs: RunTable<Text>,
  starts: number[],
  start: number,
  end: number,
): Range | null {
  if (paras.length === 0 || end <= start) return null;
  // Move the ends off the '\n' separators onto page characters.
  let a = lastAtOrBefore(starts, start, 0, paras.length - 1);
  let aOff = start - starts[a]!;
  if (aOff >= paras[a]!.text.length) {
    a++;
    aOff = 0;
  }
  const b = lastAtOrBefore(starts, end - 1, 0, paras.length - 1);
  const bOff = Math.min(end - 1 - starts[b]!, paras[b]!.text.length - 1);
  if (a >= paras.length || a > b || (a === b && aOff > bOff)) return null;
  const [startNode, startOffset] = locate(runs, paras[a]!, aOff);
  const [endNode, endOffset] = locate(runs, paras[b]!, bOff);
  // The nodes' own document: a frame's text needs a Range of the frame's document.
  const range = (startNode.ownerDocument ?? doc).createRange();
  try {
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset + 1);
  } catch {
    return null; // the page edited that text since it was read: offsets no longer fit
  }
  return range;
}
