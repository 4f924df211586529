// Draws reused passages and formula phrases on the page without touching the page's DOM.
// First choice: the CSS Custom Highlight API (ranges registered by name, styled with ::highlight()
// rules in the content script's own CSS file, highlights.css, which the browser injects from the
// manifest: no <style> element and no adopted sheet the page could see; adopting a constructed
// sheet failed on Firefox 140 and fell back to a <style> in the page). Fallback, for browsers
// without it (Firefox before 140): translucent boxes positioned over the ranges' client rects
// inside our shadow root. The boxes are chosen over <mark> wrapping because wrapping rewrites the
// page's text nodes, which breaks page scripts and the offsets of our own ranges; boxes only need
// a re-layout on resize.
import { createUiRoot, type UiRoot } from './ui-root';

// A leftover (the source's place or official the copier forgot to change) is drawn over the
// reuse yellow with its own mark, a red wavy underline (highlights.css).
export const HIGHLIGHT = {
  reuse: 'suyuan-reuse',
  formula: 'suyuan-formula',
  leftover: 'suyuan-leftover',
  flash: 'suyuan-flash',
} as const;
export type HighlightKind = keyof typeof HIGHLIGHT;

/** The fallback boxes' look; boxes cannot be wavy, so a leftover gets a solid red underline. */
const BOX_STYLE: Record<HighlightKind, string> = {
  reuse: 'background:rgba(250,204,21,.45)',
  formula: 'background:rgba(148,163,184,.28)',
  leftover: 'border-bottom:2px solid #dc2626',
  flash: 'background:rgba(249,115,22,.6)',
};

/** Upper bound on fallback boxes: each is an element, and a page may hold thousands of rects. */
const MAX_BOXES = 3000;
const PRIORITY: Record<HighlightKind, number> = { formula: 0, reuse: 1, leftover: 2, flash: 3 };

export interface Highlighter {
  readonly mode: 'css' | 'overlay';
  set(kind: HighlightKind, ranges: readonly Range[]): void;
  /** Re-measures (fallback only); call after resize or layout changes. */
  relayout(): void;
  clear(): void;
  /** Puts back highlights the page removed (CSS.highlights.clear()); cheap, call on page events.
   *  Gives up after MAX_RESTORES so a page that keeps clearing does not fight us in a loop. */
  restore(): void;
  destroy(): void;
}

export const MAX_RESTORES = 20;

interface HighlightRegistryLike {
  set(name: string, h: unknown): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}

export function supportsCssHighlights(win: Window): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return !!css?.highlights && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

export function createHighlighter(doc: Document, win: Window = doc.defaultView ?? window): Highlighter {
  if (supportsCssHighlights(win)) {
    try {
      return cssHighlighter(doc, win);
    } catch (err) {
      console.warn('[suyuan] CSS highlights unavailable, using overlay boxes:', err);
    }
  }
  return overlayHighlighter(doc, win);
}

function registryOf(win: unknown): HighlightRegistryLike | undefined {
  return (win as { CSS?: { highlights?: HighlightRegistryLike } } | null)?.CSS?.highlights;
}

function cssHighlighter(doc: Document, win: Window): Highlighter {
  const registry = registryOf(win)!;
  const HighlightCtor = (win as unknown as { Highlight: new (...r: Range[]) => { priority: number } }).Highlight;
  // Per kind, the highlight in each registry it is set in: a same-origin frame's text is drawn
  // by the frame's own registry (highlights.css reaches frames too: all_frames in the manifest).
  const mine = new Map<HighlightKind, Map<HighlightRegistryLike, unknown>>();
  let restores = 0;

  const drop = (kind: HighlightKind) => {
    for (const reg of mine.get(kind)?.keys() ?? []) reg.delete(HIGHLIGHT[kind]);
    mine.delete(kind);
  };
  const set = (kind: HighlightKind, ranges: readonly Range[]) => {
    drop(kind);
    const byDoc = new Map<Document, Range[]>();
    for (const r of ranges) {
      const d = r.startContainer.ownerDocument ?? doc;
      byDoc.set(d, [...(byDoc.get(d) ?? []), r]);
    }
    const placed = new Map<HighlightRegistryLike, unknown>();
    for (const [d, rs] of byDoc) {
      const reg = d === doc ? registry : registryOf(d.defaultView);
      if (!reg) continue;
      const h = new HighlightCtor(...rs);
      h.priority = PRIORITY[kind];
      reg.set(HIGHLIGHT[kind], h);
      placed.set(reg, h);
    }
    if (placed.size > 0) mine.set(kind, placed);
  };
  const clear = () => {
    for (const kind of Object.keys(HIGHLIGHT) as HighlightKind[]) {
      drop(kind);
      registry.delete(HIGHLIGHT[kind]);
    }
  };
  return {
    mode: 'css',
    set,
    relayout() {},
    clear,
    restore() {
      if (restores >= MAX_RESTORES) return;
      let again = false;
      for (const [kind, placed] of mine) {
        for (const [reg, h] of placed) {
          if (reg.get(HIGHLIGHT[kind]) === h) continue;
          reg.set(HIGHLIGHT[kind], h);
          again = true;
        }
      }
      if (again) restores++;
    },
    destroy: clear,
  };
}

function overlayHighlighter(doc: Document, win: Window): Highlighter {
  const css = Object.entries(BOX_STYLE)
    .map(([k, c]) => `.${k}{position:absolute;pointer-events:none;box-sizing:border-box;border-radius:2px;${c}}`)
    .join('\n');
  let ui: UiRoot | null = null;
  const layers = new Map<HighlightKind, HTMLElement>();
  const current = new Map<HighlightKind, readonly Range[]>();

  const layer = (kind: HighlightKind): HTMLElement => {
    ui ??= createUiRoot(doc, css);
    let el = layers.get(kind);
    if (!el) {
      el = doc.createElement('div');
      el.style.zIndex = String(PRIORITY[kind]);
      ui.root.append(el);
      layers.set(kind, el);
    }
    return el;
  };

  const draw = (kind: HighlightKind) => {
    const ranges = current.get(kind) ?? [];
    if (ranges.length === 0 && !layers.has(kind)) return;
    const el = layer(kind);
    const frag = doc.createDocumentFragment();
    let boxes = 0;
    const sx = win.scrollX;
    const sy = win.scrollY;
    for (const r of ranges) {
      for (const rect of Array.from(r.getClientRects())) {
        if (boxes >= MAX_BOXES) break;
        if (rect.width === 0 || rect.height === 0) continue;
        const box = doc.createElement('div');
        box.className = kind;
        box.style.cssText = `left:${rect.left + sx}px;top:${rect.top + sy}px;width:${rect.width}px;height:${rect.height}px`;
        frag.append(box);
        boxes++;
      }
    }
    el.replaceChildren(frag);
  };

  const set = (kind: HighlightKind, ranges: readonly Range[]) => {
    current.set(kind, [...ranges]);
    draw(kind);
  };
  const clear = () => {
    current.clear();
    for (const el of layers.values()) el.replaceChildren();
  };
  return {
    mode: 'overlay',
    set,
    relayout() {
      for (const kind of current.keys()) draw(kind);
    },
    restore() {},
    clear,
    destroy() {
      clear();
      ui?.remove();
      ui = null;
      layers.clear();
    },
  };
}
