// The engine's corpus: documents in slots, the fingerprint index, and the normalised texts. Indexed documents live in one CorpusText (a concatenated string with compact
// position maps); documents added after it was built wait in `pending` until enough accumulate
// to rebuild it. A restored snapshot normalises nothing up front: the matcher normalises the few
// documents it aligns (cached), and the first lookup builds the CorpusText. Slots are never
// reused, so postings stay valid after removals.
import type { MatchSource } from '../backend/match-source';
import type { CorpusDoc } from '../model/types';
import { normalize, type NormalizedText } from '../text/normalize';
import { CorpusText } from './corpus-text';
import { Families, FAMILY_CAP } from './families';
import { bodyChecksum } from './checksum';
import { FingerprintIndex } from './fingerprint-index';
import { fingerprints } from './grams';
import { bodyMissing, knownSum } from './lazy-body';
import { compactPosMap, expandPosMap, type PosMap } from './pos-map';

/** A document's checksum without reading a lazy document's body. */
export function docChecksum(doc: CorpusDoc): string {
  return knownSum(doc) ?? bodyChecksum(doc.body);
}

/** Most documents kept normalised on demand. */
const NORM_CACHE = 512;

interface Pending {
  text: string;
  map: PosMap;
}

export class CorpusStore implements MatchSource {
  docs: (CorpusDoc | undefined)[] = [];
  byId = new Map<string, number>();
  fpCounts: number[] = [];
  /** Body checksum per slot (kept so a snapshot never reads a body to write it). */
  sums: (string | undefined)[] = [];
  /** Bumped on every add and remove: work that awaited storage checks it before going on. */
  version = 0;
  fp = new FingerprintIndex();
  families = new Families();
  /** Fingerprints of documents added but not yet linked into families. */
  private unlinked = new Map<number, Uint32Array>();
  private stamp = new Int32Array(0);
  private stampToken = 0;
  live = 0;
  text?: CorpusText;
  /** Build lookup's text packed (corpus-text.ts): the host's choice of memory over slice speed. */
  packText = false;
  /** Indexed documents not (yet) in `text`, in slot order. */
  pending = new Map<number, Pending>();
  private pendingChars = 0;
  /** Live documents in neither `text` nor `pending` (restored from a snapshot). */
  private raw = 0;
  /** Removed documents still inside `text`. */
  deadInText = 0;
  /** Documents normalised on demand (restored from a snapshot, not in `text`). */
  private norms = new Map<number, NormalizedText>();

  get slotCount(): number {
    return this.docs.length;
  }

  df(h: number): number {
    return this.fp.df(h);
  }

  listKey(h: number): number {
    return this.fp.listKey(h);
  }

  forEachDoc(h: number, fn: (slot: number) => void): void {
    this.fp.forEach(h, fn);
  }

  familyOf(slot: number): number {
    return this.families.of(slot);
  }

  doc(slot: number): CorpusDoc {
    return this.docs[slot]!;
  }

  /** The document's normalised text with its position map. */
  norm(slot: number): NormalizedText {
    const doc = this.docs[slot]!;
    const e = this.text?.entryOf(slot);
    if (e !== undefined) return this.text!.norm(e, doc.body);
    const p = this.pending.get(slot);
    if (p) return expandPosMap(p.map, p.text, doc.body);
    let n = this.norms.get(slot);
    if (!n) {
      // A body not loaded (read as empty in a dry run) is never cached; the cache of texts
      // normalised on demand is bounded (holders are checked against their text, page by page).
      const cacheable = !bodyMissing(doc);
      n = normalize(doc.body);
      if (this.norms.size >= NORM_CACHE) this.norms.clear();
      if (cacheable) this.norms.set(slot, n);
    }
    return n;
  }

  /** Just the normalised text (no position map). */
  normText(slot: number): string {
    const e = this.text?.entryOf(slot);
    if (e !== undefined) return this.text!.text(e);
    return this.pending.get(slot)?.text ?? this.norm(slot).text;
  }

  /** True when lookup's text is built and needs no body read (no restored document is waiting to
   *  be normalised into it). */
  get textReady(): boolean {
    return !!this.text && this.text.packed === this.packText && this.raw === 0;
  }

  /** Slots of live documents whose text is not normalised yet (restored from a snapshot). */
  unstaged(): number[] {
    const out: number[] = [];
    if (this.raw === 0) return out;
    for (let slot = 0; slot < this.docs.length; slot++) {
      if (this.docs[slot] && !this.pending.has(slot) && !this.text?.has(slot)) out.push(slot);
    }
    return out;
  }

  /** Normalises a restored document's text now, from `body` (its text as read from storage), so
   *  that building lookup's text later reads no body: lookup's preparation stages the corpus a
   *  chunk at a time between requests instead of in one long block. */
  stage(slot: number, body: string): void {
    if (!this.docs[slot] || this.pending.has(slot) || this.text?.has(slot)) return;
    const n = this.norms.get(slot) ?? normalize(body);
    this.norms.delete(slot);
    this.pending.set(slot, { text: n.text, map: compactPosMap(n) });
    this.pendingChars += n.text.length;
    this.raw--;
  }

  /** Adds or replaces (by id). `indexed` skips fingerprinting when a snapshot already holds it
   *  (`sum` is then the snapshot's checksum of the body). */
  add(doc: CorpusDoc, indexed = false, sum?: string): number {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    const slot = this.docs.length;
    this.version++;
    this.docs.push(doc);
    this.sums.push(sum ?? docChecksum(doc));
    this.byId.set(doc.id, slot);
    this.live++;
    this.families.addSlot(slot);
    if (indexed) {
      this.raw++;
      this.fpCounts.push(0);
      return slot;
    }
    const n = normalize(doc.body);
    this.pending.set(slot, { text: n.text, map: compactPosMap(n) });
    this.pendingChars += n.text.length;
    const fps = fingerprints(n.text);
    this.fpCounts.push(fps.length);
    this.fp.addDoc(slot, fps);
    this.unlinked.set(slot, fps);
    return slot;
  }

  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    this.byId.delete(id);
    this.version++;
    this.sums[slot] = undefined;
    this.fp.removeDoc(slot, this.fpCounts[slot] ?? 0);
    this.docs[slot] = undefined;
    const p = this.pending.get(slot);
    if (p) this.pendingChars -= p.text.length;
    else if (this.text?.has(slot)) this.deadInText++;
    else this.raw--;
    this.pending.delete(slot);
    this.unlinked.delete(slot);
    this.norms.delete(slot);
    this.live--;
    return true;
  }

  /** Placeholder slot for a document removed before a snapshot, so slot numbers line up. */
  addHole(): void {
    this.docs.push(undefined);
    this.sums.push(undefined);
    this.fpCounts.push(0);
    this.families.addSlot(this.docs.length - 1);
  }

  /** Links documents added since the last call into families (done lazily before answering). */
  linkFamilies(): void {
    if (this.unlinked.size === 0) return;
    this.families.link(this.fp, this.unlinked);
    this.unlinked.clear();
  }

  /** Families of live documents holding fingerprint h, given its document count df (equal to df
   *  when no family has two members, or when df is past FAMILY_CAP). */
  familyDf(h: number, df: number): number {
    if (df < 2 || df > FAMILY_CAP || !this.families.linked) return df;
    if (this.stamp.length < this.docs.length) this.stamp = new Int32Array(this.docs.length + 1024);
    if (this.stampToken >= 0x7fffffff) {
      this.stamp.fill(0);
      this.stampToken = 0;
    }
    const token = ++this.stampToken;
    let n = 0;
    this.fp.forEach(h, (s) => {
      const f = this.families.of(s);
      if (this.stamp[f] !== token) {
        this.stamp[f] = token;
        n++;
      }
    });
    return n;
  }

  /** The CorpusText for lookup, (re)built when it is missing, or when pending documents (or
   *  unnormalised ones after a restore) would otherwise make lookups scan too much text. */
  corpusText(): CorpusText {
    const frozenChars = this.text?.all.length ?? 0;
    if (
      this.text &&
      this.text.packed === this.packText &&
      this.raw === 0 &&
      this.pendingChars <= Math.max(200_000, frozenChars / 4)
    )
      return this.text;
    const entries: { slot: number; text: string; map: PosMap }[] = [];
    for (let slot = 0; slot < this.docs.length; slot++) {
      const doc = this.docs[slot];
      if (!doc) continue;
      const e = this.text?.entryOf(slot);
      if (e !== undefined) entries.push({ slot, text: this.text!.text(e), map: this.text!.maps[e]! });
      else {
        const p = this.pending.get(slot);
        if (p) entries.push({ slot, ...p });
        else {
          const n = this.norms.get(slot) ?? normalize(doc.body);
          entries.push({ slot, text: n.text, map: compactPosMap(n) });
        }
      }
    }
    this.text = undefined; // the old text may go before the new one is packed
    this.text = new CorpusText(entries, this.packText);
    this.pending.clear();
    this.pendingChars = 0;
    this.raw = 0;
    this.deadInText = 0;
    this.norms.clear();
    return this.text;
  }
}
