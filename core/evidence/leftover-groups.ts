// Leftovers as a reader takes them in: one group per particular (西宁 kept twice is one finding
// with two places on the page), names first, and template slots gathered by the kind of slot so a
// template page's dozens of XX and ×月×日 do not drown the names. Shared by the panel and the report.
import type { Leftover, LeftoverKind } from '../model/types';

/** What a template slot stands for: a date (×月×日, 20**年), a person (某某), or anything else (XX, **). */
export type SlotKind = 'date' | 'name' | 'mark';

export interface LeftoverGroup {
  kind: LeftoverKind;
  /** Only for placeholders. */
  slot?: SlotKind;
  /** The particular as the page writes it; for slots, the distinct texts of the group. */
  texts: string[];
  /** Every occurrence, in page order. */
  items: Leftover[];
  docId: string | null;
  pageUses?: string;
  evidence: string;
}

const NAME_ORDER: LeftoverKind[] = ['place', 'person', 'organisation', 'date'];
const SLOT_ORDER: SlotKind[] = ['name', 'date', 'mark'];

export function slotKind(text: string): SlotKind {
  if (/[年月日号时]/.test(text)) return 'date';
  if (/某/.test(text)) return 'name';
  return 'mark';
}

export function groupLeftovers(leftovers: readonly Leftover[]): LeftoverGroup[] {
  const names = new Map<string, LeftoverGroup>();
  const slots = new Map<SlotKind, LeftoverGroup>();
  for (const l of [...leftovers].sort((a, b) => a.start - b.start)) {
    if (l.kind === 'placeholder') {
      const slot = slotKind(l.text);
      const g = slots.get(slot);
      if (g) {
        g.items.push(l);
        if (!g.texts.includes(l.text)) g.texts.push(l.text);
      } else slots.set(slot, { kind: l.kind, slot, texts: [l.text], items: [l], docId: null, evidence: l.evidence });
      continue;
    }
    const key = `${l.kind}\u0000${l.text}\u0000${l.docId ?? ''}`;
    const g = names.get(key);
    if (g) g.items.push(l);
    else
      names.set(key, {
        kind: l.kind,
        texts: [l.text],
        items: [l],
        docId: l.docId,
        ...(l.pageUses !== undefined ? { pageUses: l.pageUses } : {}),
        evidence: l.evidence,
      });
  }
  // Stable sorts: within a kind, groups keep the page order of their first occurrence.
  const named = [...names.values()].sort((a, b) => NAME_ORDER.indexOf(a.kind) - NAME_ORDER.indexOf(b.kind));
  const slotted = [...slots.values()].sort((a, b) => SLOT_ORDER.indexOf(a.slot!) - SLOT_ORDER.indexOf(b.slot!));
  return [...named, ...slotted];
}
