// Inverted index fingerprint → documents, in two parts: a frozen CSR segment and a small mutable
// delta for incremental adds. Removed slots are tombstoned and dropped at the next freeze.
// The frozen segment is a bucket table by the top 16 bits of each key, the low 16 bits of each
// key, and per key the id of its slot list. Identical slot lists are stored once: a passage
// copied into k speeches gives all of its fingerprints the same k slots, so on a corpus of
// reused speeches most keys share a list (10,000 spliced speeches: 11.1 M postings in 123 k
// distinct lists, 19.4 MB of slot gaps down to 4.2 MB).
import { base64ToBytes, bytesToBase64 } from './base64';
import { SHIFT, freezePairs, type FrozenPostings } from './frozen-postings';
import { findSorted } from './sorted-search';
import { VarintReader, countVarints } from './varint';

export interface FingerprintIndexJson {
  dir: string;
  keys: string;
  ids: string;
  idBytes: number;
  offsets: string;
  docs: string;
}

/** Lists of more bytes than this keep their posting count in a table, so df() stays O(1). */
const LONG = 64;

const EMPTY: FrozenPostings = {
  dir: new Uint32Array(65537),
  keys: new Uint16Array(0),
  ids: new Uint8Array(0),
  idBytes: 2,
  offsets: new Uint32Array(1),
  docs: new Uint8Array(0),
};

export class FingerprintIndex {
  private frozen: FrozenPostings = EMPTY;
  /** Postings in the frozen segment. */
  private frozenPostings = 0;
  private delta = new Map<number, number[]>();
  private deltaSize = 0;
  private dead = new Set<number>();
  private deadPostings = 0;
  /** Postings added since the last query, packed as hash · 2^21 + slot (cheap bulk loading). */
  private pending = new Float64Array(1024);
  private pendingLen = 0;

  /** Adds a document's distinct fingerprints under its slot. */
  addDoc(slot: number, fps: Uint32Array): void {
    if (this.pendingLen + fps.length > this.pending.length) {
      const bigger = new Float64Array(Math.max(this.pending.length * 2, this.pendingLen + fps.length));
      bigger.set(this.pending.subarray(0, this.pendingLen));
      this.pending = bigger;
    }
    for (let i = 0; i < fps.length; i++) this.pending[this.pendingLen++] = fps[i]! * SHIFT + slot;
  }

  /** Before answering: small batches go to the delta map, large ones into a new frozen segment. */
  private settle(): void {
    if (this.pendingLen === 0) return;
    if (this.pendingLen + this.deltaSize > Math.max(100_000, this.frozenPostings / 4)) {
      this.freeze();
      return;
    }
    for (let i = 0; i < this.pendingLen; i++) {
      const v = this.pending[i]!;
      const h = Math.floor(v / SHIFT);
      const slot = v - h * SHIFT;
      const list = this.delta.get(h);
      if (list) list.push(slot);
      else this.delta.set(h, [slot]);
    }
    this.deltaSize += this.pendingLen;
    this.pendingLen = 0;
  }

  removeDoc(slot: number, fpCount: number): void {
    this.dead.add(slot);
    this.deadPostings += fpCount;
    if (this.deadPostings > Math.max(50_000, this.frozenPostings / 4)) this.freeze();
  }

  /** Postings in the frozen segment (all slots, tombstoned or not). */
  postings(): number {
    return this.frozenPostings;
  }

  /** Live documents holding the fingerprint. */
  df(h: number): number {
    this.settle();
    if (this.dead.size > 0) {
      let n = 0;
      this.forEach(h, () => n++);
      return n;
    }
    const i = this.find(h);
    let f = 0;
    if (i >= 0) f = this.frozenCount(i);
    return f + (this.delta.get(h)?.length ?? 0);
  }

  /** The id of the frozen slot list holding every live posting of h (fingerprints with equal ids
   *  are held by exactly the same slots), or -1 when h has none or its postings are not one frozen
   *  list (added since the last freeze, or some slot removed). */
  listKey(h: number): number {
    this.settle();
    if (this.dead.size > 0 || this.delta.has(h)) return -1;
    const i = this.find(h);
    return i >= 0 ? this.listOf(i) : -1;
  }

  /** Calls fn for every live slot holding the fingerprint. */
  forEach(h: number, fn: (slot: number) => void): void {
    this.settle();
    const i = this.find(h);
    const dead = this.dead;
    if (i >= 0)
      this.decode(i, (s) => {
        if (dead.size === 0 || !dead.has(s)) fn(s);
      });
    const list = this.delta.get(h);
    if (list) for (const s of list) if (dead.size === 0 || !dead.has(s)) fn(s);
  }

  /** For every live slot holding some of `fps` (each in minDf (default 2: a fingerprint of one
   *  document shares nothing) to maxDf documents), calls fn(slot, how many of them it holds). Fingerprints
   *  sharing a slot list are counted together and the list decoded once: a document's passages
   *  reposted elsewhere give runs of fingerprints with one list, so this is many times cheaper
   *  than a forEach per fingerprint. Returns how many of `fps` were within minDf..maxDf. */
  tallyShared(fps: ArrayLike<number>, maxDf: number, fn: (slot: number, n: number) => void, minDf = 2): number {
    this.settle();
    const byList = new Map<number, number>();
    const touched: number[] = [];
    let counted = 0;
    const add = (s: number, n: number): void => {
      if (s >= this.scratch.length) {
        const bigger = new Uint32Array(Math.max(s + 1, this.scratch.length * 2));
        bigger.set(this.scratch);
        this.scratch = bigger;
      }
      if (this.scratch[s] === 0) touched.push(s);
      this.scratch[s]! += n;
    };
    for (let k = 0; k < fps.length; k++) {
      const h = fps[k]!;
      const i = this.find(h);
      if (i >= 0 && this.dead.size === 0 && !this.delta.has(h)) {
        const l = this.listOf(i);
        byList.set(l, (byList.get(l) ?? 0) + 1);
      } else {
        const df = this.df(h);
        if (df >= minDf && df <= maxDf) {
          counted++;
          this.forEach(h, (s) => add(s, 1));
        }
      }
    }
    for (const [l, n] of byList) {
      const c = this.countList(l);
      if (c < minDf || c > maxDf) continue;
      counted += n;
      this.decodeList(l, (s) => add(s, n));
    }
    for (const s of touched) {
      fn(s, this.scratch[s]!);
      this.scratch[s] = 0;
    }
    return counted;
  }
  /** Per-slot counts for tallyShared, zero between calls. */
  private scratch = new Uint32Array(0);

  /** Counts of the frozen lists longer than LONG bytes, by list id (the rest are counted when asked). */
  private longLists = new Uint32Array(0);
  private longCounts = new Uint32Array(0);

  /** List id of frozen key index i. */
  private listOf(i: number): number {
    const { ids, idBytes } = this.frozen;
    const p = i * idBytes;
    let v = ids[p]! | (ids[p + 1]! << 8);
    if (idBytes > 2) v |= ids[p + 2]! << 16;
    if (idBytes > 3) v += ids[p + 3]! * 16777216;
    return v;
  }

  private frozenCount(i: number): number {
    return this.countList(this.listOf(i));
  }

  private countList(l: number): number {
    const { offsets, docs } = this.frozen;
    const from = offsets[l]!;
    const to = offsets[l + 1]!;
    if (to - from > LONG) return this.longCounts[findSorted(this.longLists, l)]!;
    return countVarints(docs, from, to);
  }

  /** Recounts the long lists and the postings after the frozen segment changed. */
  private countFrozen(): void {
    const { offsets, docs, keys } = this.frozen;
    const lists: number[] = [];
    const counts: number[] = [];
    const perList = new Uint32Array(offsets.length - 1);
    for (let l = 0; l + 1 < offsets.length; l++) {
      const n = countVarints(docs, offsets[l]!, offsets[l + 1]!);
      perList[l] = n;
      if (offsets[l + 1]! - offsets[l]! > LONG) {
        lists.push(l);
        counts.push(n);
      }
    }
    let total = 0;
    for (let i = 0; i < keys.length; i++) total += perList[this.listOf(i)]!;
    this.longLists = Uint32Array.from(lists);
    this.longCounts = Uint32Array.from(counts);
    this.frozenPostings = total;
  }

  /** Every slot of frozen key index i, ascending. */
  private decode(i: number, fn: (slot: number) => void): void {
    this.decodeList(this.listOf(i), fn);
  }

  private decodeList(l: number, fn: (slot: number) => void): void {
    const { offsets, docs } = this.frozen;
    const r = new VarintReader(docs, offsets[l]!, offsets[l + 1]!);
    // The first slot, then gaps.
    for (let slot = 0; r.more();) {
      slot += r.next();
      fn(slot);
    }
  }

  /** Binary search inside the key's top-16-bit bucket. Winnowed fingerprints are window minima,
   *  so keys crowd towards small values (interpolation search took ~55 probes); the bucket table
   *  narrows a search over millions of keys to a few dozen neighbours with one extra read, and
   *  lets each key keep only its low 16 bits. */
  private find(h: number): number {
    // The last answer is remembered: a page asks df, then the list key, of each fingerprint.
    if (h === this.lastH && this.frozen === this.lastFrozen) return this.lastI;
    const { keys, dir } = this.frozen;
    const b = h >>> 16;
    const i = findSorted(keys, h & 0xffff, dir[b]!, dir[b + 1]! - 1);
    this.lastH = h;
    this.lastI = i;
    this.lastFrozen = this.frozen;
    return i;
  }
  private lastH = -1;
  private lastI = -1;
  private lastFrozen: FrozenPostings | null = null;

  /** Merges the delta into the frozen segment and drops tombstoned postings. */
  freeze(): void {
    if (this.pendingLen === 0 && this.delta.size === 0 && this.dead.size === 0) return;
    let total = 0;
    this.forEachLive(() => total++);
    const pairs = new Float64Array(total);
    let w = 0;
    this.forEachLive((v) => (pairs[w++] = v));
    pairs.sort();
    this.frozen = freezePairs(pairs);
    this.countFrozen();
    this.delta = new Map();
    this.deltaSize = 0;
    this.dead = new Set();
    this.deadPostings = 0;
    this.pending = new Float64Array(1024);
    this.pendingLen = 0;
  }

  /** Every live posting of the frozen segment, the delta and the pending batch, packed as
   *  hash · SHIFT + slot. */
  private forEachLive(fn: (packed: number) => void): void {
    const { keys, dir } = this.frozen;
    const dead = this.dead;
    for (let b = 0; b < 65536; b++)
      for (let i = dir[b]!; i < dir[b + 1]!; i++) {
        const h = b * 65536 + keys[i]!;
        this.decode(i, (s) => {
          if (!dead.has(s)) fn(h * SHIFT + s);
        });
      }
    for (const [h, list] of this.delta) for (const s of list) if (!dead.has(s)) fn(h * SHIFT + s);
    for (let i = 0; i < this.pendingLen; i++) {
      const v = this.pending[i]!;
      if (!dead.has(v - Math.floor(v / SHIFT) * SHIFT)) fn(v);
    }
  }

  /** Bytes held by the frozen typed arrays plus an estimate for the delta (8 bytes a posting). */
  bytes(): number {
    const f = this.frozen;
    return (
      f.dir.byteLength +
      f.keys.byteLength +
      f.ids.byteLength +
      f.offsets.byteLength +
      f.docs.byteLength +
      this.longLists.byteLength * 2 +
      (this.deltaSize + this.pendingLen) * 8
    );
  }

  /** The frozen arrays as they are (after folding in every pending change), for a binary snapshot. */
  toParts(): FrozenPostings {
    this.freeze();
    return this.frozen;
  }

  static fromParts(parts: FrozenPostings): FingerprintIndex {
    const idx = new FingerprintIndex();
    idx.frozen = parts;
    idx.countFrozen();
    return idx;
  }

  toJSON(): FingerprintIndexJson {
    const f = this.toParts();
    const b64 = (a: Uint8Array | Uint16Array | Uint32Array): string =>
      bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return {
      dir: b64(f.dir),
      keys: b64(f.keys),
      ids: b64(f.ids),
      idBytes: f.idBytes,
      offsets: b64(f.offsets),
      docs: b64(f.docs),
    };
  }

  static fromJSON(j: FingerprintIndexJson): FingerprintIndex {
    const dir = base64ToBytes(j.dir);
    const keys = base64ToBytes(j.keys);
    const offs = base64ToBytes(j.offsets);
    return FingerprintIndex.fromParts({
      dir: new Uint32Array(dir.buffer, dir.byteOffset, dir.byteLength / 4),
      keys: new Uint16Array(keys.buffer, keys.byteOffset, keys.byteLength / 2),
      ids: base64ToBytes(j.ids),
      idBytes: j.idBytes,
      offsets: new Uint32Array(offs.buffer, offs.byteOffset, offs.byteLength / 4),
      docs: base64ToBytes(j.docs),
    });
  }
}
