// Which highlighted passage is under the pointer. Highlights are not elements, so there is no
// mouseover: the point is tested against the line boxes of each passage's ranges. Boxes, not the
// caret at the point: the caret stops at a shadow host (caretRangeFromPoint does not enter shadow
// trees) and a frame's text has its own document and viewport, so only the boxes work everywhere.

export interface HitTarget<T> {
  ranges: readonly Range[];
  item: T;
}

/** The target whose ranges in `doc` have a line box holding (x, y), a point in `doc`'s viewport
 *  (ranges in other documents, i.e. frames, are measured in their own viewport: skipped). */
export function targetAt<T>(doc: Document, targets: readonly HitTarget<T>[], x: number, y: number): T | null {
  for (const t of targets) {
    for (const r of t.ranges) {
      if (r.startContainer.ownerDocument !== doc) continue;
      for (const b of Array.from(r.getClientRects())) {
        if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return t.item;
      }
    }
  }
  return null;
}
