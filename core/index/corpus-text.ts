// The normalised corpus as one text (documents joined by SEP) with a document-boundary table
// and each document's compact position map. Phrase lookup verifies candidates with one
// startsWith on this text, and the matcher slices a document's normalised text out of it
// without normalising again. The text is either the plain string (two bytes a character: slices
// cost nothing) or packed (packed-text.ts: a one-byte string of about 1.3 bytes a character,
// whose slices decode); the host chooses (the extension's worker packs: its heap is bounded).
import type { NormalizedText } from '../text/normalize';
import { PackedText, type CorpusChars } from './packed-text';
import { BodyCache } from './lazy-body';
import { expandPosMap, posMapBytes, type PosMap } from './pos-map';
import { PhraseIndex, SEP } from './phrase-index';

/** Characters of packed documents' texts kept decoded (1 MB): the matcher reads a holder's text
 *  once for each passage it may hold, several times a page. */
const DECODED_CHARS = 1 << 19;

/** V8's longest string (2^29 - 24 UTF-16 units on 64-bit builds). */
export const MAX_TEXT_CHARS = 2 ** 29 - 24;

/** The documents' texts joined by SEP; past one string's limit, a clear stop instead of V8's
 *  "Invalid string length" in the middle of a lookup. */
export function joinTexts(entries: readonly { text: string }[], limit = MAX_TEXT_CHARS): string {
  let chars = 0;
  for (const e of entries) chars += e.text.length + 1;
  if (chars - 1 > limit)
    throw new RangeError(
      `the corpus's lookup text (${chars - 1} normalised characters) is longer than one JavaScript string (${limit}): look up over the OpenSearch backend (--opensearch) for a corpus this size`,
    );
  return entries.map((e) => e.text).join(SEP);
}

export class CorpusText {
  readonly all: CorpusChars;
  /** Start offset of entry e in `all` (entry count + 1 values: the last is all.length + 1). */
  readonly starts: Uint32Array;
  readonly slots: Int32Array;
  readonly maps: PosMap[];
  private entryOfSlot = new Map<number, number>();
  private phrases?: PhraseIndex;
  /** Packed texts decoded lately (see DECODED_CHARS), by entry. */
  private decoded = new BodyCache(DECODED_CHARS);

  constructor(
    entries: { slot: number; text: string; map: PosMap }[],
    readonly packed = false,
  ) {
    const plain = joinTexts(entries);
    if (packed) {
      // The postings are built from the plain string once, which is then dropped.
      this.phrases = new PhraseIndex(plain);
      this.all = new PackedText(plain);
      this.phrases.readFrom(this.all);
    } else this.all = plain;
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
    // A packed text built its postings in the constructor: only a plain string gets here.
    return (this.phrases ??= new PhraseIndex(this.all as string));
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
    if (!this.packed) return this.all.slice(this.starts[entry]!, this.starts[entry + 1]! - 1);
    const key = String(entry);
    let t = this.decoded.get(key);
    if (t !== undefined) return t;
    t = this.all.slice(this.starts[entry]!, this.starts[entry + 1]! - 1);
    // One text past the bound would empty the cache and not stay either.
    if (t.length <= DECODED_CHARS) this.decoded.set(key, t);
    return t;
  }

  /** Bytes of the packed text and its tables (0 for a plain string; not in byteLength: the
   *  text was never counted there). */
  textBytes(): number {
    return this.all instanceof PackedText ? this.all.byteLength() : 0;
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
