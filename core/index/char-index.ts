// Which documents contain each character, as one bitset per character. This is the path for
// lookups shorter than a winnowing guarantee: intersecting the bitsets of the query's characters
// narrows the documents to verify. A bitset costs slots/8 bytes per distinct character.
import { base64ToBytes, bytesToBase64 } from './base64';

export class CharIndex {
  private bits = new Map<number, Uint32Array>();
  private words = 4;

  addDoc(slot: number, text: string): void {
    this.ensure(slot);
    const w = slot >>> 5;
    const m = 1 << (slot & 31);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let b = this.bits.get(c);
      if (!b) {
        b = new Uint32Array(this.words);
        this.bits.set(c, b);
      }
      b[w]! |= m;
    }
  }

  removeDoc(slot: number): void {
    const w = slot >>> 5;
    const m = ~(1 << (slot & 31));
    for (const b of this.bits.values()) if (w < b.length) b[w]! &= m;
  }

  private ensure(slot: number): void {
    if ((slot >>> 5) < this.words) return;
    let words = this.words;
    while ((slot >>> 5) >= words) words *= 2;
    for (const [c, b] of this.bits) {
      const nb = new Uint32Array(words);
      nb.set(b);
      this.bits.set(c, nb);
    }
    this.words = words;
  }

  /** Slots whose text holds every character of `s` (a superset of the docs containing `s`). */
  candidates(s: string): number[] {
    const uniq = [...new Set(s)].map((c) => this.bits.get(c.charCodeAt(0)));
    if (uniq.some((b) => !b)) return [];
    const sets = uniq as Uint32Array[];
    const out: number[] = [];
    for (let w = 0; w < this.words; w++) {
      let v = 0xffffffff;
      for (const b of sets) {
        v &= b[w]!;
        if (v === 0) break;
      }
      while (v !== 0) {
        const low = v & -v;
        out.push(w * 32 + 31 - Math.clz32(low));
        v ^= low;
      }
    }
    return out;
  }

  bytes(): number {
    return this.bits.size * this.words * 4;
  }

  toJSON(): { words: number; chars: string; bits: string } {
    const codes = [...this.bits.keys()].sort((a, b) => a - b);
    const all = new Uint32Array(codes.length * this.words);
    codes.forEach((c, i) => all.set(this.bits.get(c)!, i * this.words));
    return {
      words: this.words,
      chars: codes.map((c) => String.fromCharCode(c)).join(''),
      bits: bytesToBase64(new Uint8Array(all.buffer)),
    };
  }

  static fromJSON(j: { words: number; chars: string; bits: string }): CharIndex {
    const idx = new CharIndex();
    idx.words = j.words;
    const bytes = base64ToBytes(j.bits);
    const all = new Uint32Array(bytes.buffer, 0, bytes.byteLength / 4);
    for (let i = 0; i < j.chars.length; i++)
      idx.bits.set(j.chars.charCodeAt(i), all.slice(i * j.words, (i + 1) * j.words));
    return idx;
  }
}
