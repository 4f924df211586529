// The engine's corpus: documents in slots, their normalised texts (computed lazily and cached,
// so a restored snapshot answers without normalising the whole corpus up front), the fingerprint
// index and the character index. Slots are never reused, so postings stay valid after removals.
import type { CorpusDoc } from '../model/types';
import { normalize, type NormalizedText } from '../text/normalize';
import { CharIndex } from './char-index';
import { FingerprintIndex } from './fingerprint-index';
import { fingerprints } from './grams';

export class CorpusStore {
  docs: (CorpusDoc | undefined)[] = [];
  byId = new Map<string, number>();
  fpCounts: number[] = [];
  fp = new FingerprintIndex();
  chars = new CharIndex();
  private norms: (NormalizedText | undefined)[] = [];
  live = 0;

  norm(slot: number): NormalizedText {
    let n = this.norms[slot];
    if (!n) {
      n = normalize(this.docs[slot]!.body);
      this.norms[slot] = n;
    }
    return n;
  }

  /** Adds or replaces (by id). `indexed` skips fingerprinting when a snapshot already holds it. */
  add(doc: CorpusDoc, indexed = false): number {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    const slot = this.docs.length;
    this.docs.push(doc);
    this.byId.set(doc.id, slot);
    this.live++;
    if (indexed) {
      this.norms.push(undefined);
      this.fpCounts.push(0);
      return slot;
    }
    const n = normalize(doc.body);
    this.norms.push(n);
    const fps = fingerprints(n.text);
    this.fpCounts.push(fps.length);
    this.fp.addDoc(slot, fps);
    this.chars.addDoc(slot, n.text);
    return slot;
  }

  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    this.byId.delete(id);
    this.fp.removeDoc(slot, this.fpCounts[slot] ?? 0);
    this.chars.removeDoc(slot);
    this.docs[slot] = undefined;
    this.norms[slot] = undefined;
    this.live--;
    return true;
  }

  /** Placeholder slot for a document removed before a snapshot, so slot numbers line up. */
  addHole(): void {
    this.docs.push(undefined);
    this.norms.push(undefined);
    this.fpCounts.push(0);
  }
}
