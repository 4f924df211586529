// The normalised corpus as one string (documents joined by SEP) with a document-boundary table
// and each document's compact position map. Phrase lookup verifies candidates with one
// startsWith on this string, and the matcher slices a document's normalised text out of it
// without normalising again.
import type { NormalizedText } from '../text/normalize';
import { expandPosMap, posMapBytes, type PosMap } from './pos-map';
import { PhraseIndex, SEP } from './phrase-index';

export class CorpusText {
  readonly all: string;
  /** Start offset of entry e in `all` (entry count + 1 values: the last is all.length + 1). */
  readonly starts: Uint32Array;
  readonly slots: Int32Array;
  readonly maps: PosMap[];
  private entryOfSlot = new Map<number, number>();
  private phrases?: PhraseIndex;

  constructor(entries: { slot: number; text: string; map: PosMap }[]) {
    this.all = entries.map((e) => e.text).join(SEP);
    this.starts = new Uint32Array(entries.length + 1);
    this.slots = new Int32Array(entries.length);
    this.maps = [];
    let at = 0;
    entries.forEach((e, i) => {
      this.starts[i] = at;
      this.slots[i] = e.slot;
      this.maps.push(e.map);
      this.entryOfSlot.set(e.slot, i);
      at += e.text.length + 1;
    });
    this.starts[entries.length] = at;
  }

  /** Built on first use: a restored snapshot that is only matched against never pays for it. */
  phraseIndex(): PhraseIndex {
    return (this.phrases ??= new PhraseIndex(this.all));
  }

  has(slot: number): boolean {
    return this.entryOfSlot.has(slot);
  }

  entryOf(slot: number): number | undefined {
    return this.entryOfSlot.get(slot);
  }

  /** Entry holding offset x of `all`. */
  entryAt(x: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  text(entry: number): string {
    return this.all.slice(this.starts[entry]!, this.starts[entry + 1]! - 1);
  }

  norm(entry: number, original: string): NormalizedText {
    return expandPosMap(this.maps[entry]!, this.text(entry), original);
  }

  byteLength(): number {
    let b = this.starts.byteLength + this.slots.byteLength;
    for (const m of this.maps) b += posMapBytes(m);
    return b + (this.phrases?.byteLength() ?? 0);
  }
}
