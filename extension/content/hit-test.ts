// Which highlighted passage is under the pointer. Highlights are not elements, so there is no
// mouseover: the caret position at the point is tested against each passage's ranges, then the
// point is checked against the range's boxes (the caret snaps to the nearest text, even in margins).

export interface HitTarget<T> {
  ranges: readonly Range[];
  item: T;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function insideBoxes(range: Range, x: number, y: number): boolean {
  for (const b of Array.from(range.getClientRects())) {
    if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return true;
  }
  return false;
}

/** The target whose ranges contain viewport point (x, y), or null. */
export function targetAt<T>(doc: Document, targets: readonly HitTarget<T>[], x: number, y: number): T | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  for (const t of targets) {
    for (const r of t.ranges) {
      try {
        if (r.isPointInRange(caret.node, caret.offset) && insideBoxes(r, x, y)) return t.item;
      } catch {
        // The node left the document or belongs to another tree.
      }
    }
  }
  return null;
}
