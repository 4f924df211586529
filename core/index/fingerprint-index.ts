// Inverted index fingerprint → documents, in two parts: a frozen CSR segment (sorted keys,
// offsets, doc slots in typed arrays: a few bytes per fingerprint) and a small mutable delta for
// incremental adds. Removed slots are tombstoned and dropped at the next freeze.
import { base64ToBytes, bytesToBase64 } from './base64';

export interface FrozenPostings {
  keys: Uint32Array;
  offsets: Uint32Array;
  docs: Uint16Array | Uint32Array;
}

export interface FingerprintIndexJson {
  keys: string;
  offsets: string;
  docs: string;
  wide: boolean;
}

/** Slots fit in 21 bits; hash · 2^21 + slot stays an exact float64 integer (< 2^53). */
const SHIFT = 2097152;

const EMPTY: FrozenPostings = { keys: new Uint32Array(0), offsets: new Uint32Array(1), docs: new Uint16Array(0) };

export class FingerprintIndex {
  private frozen: FrozenPostings = EMPTY;
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
    if (this.pendingLen + this.deltaSize > Math.max(100_000, this.frozen.docs.length / 4)) {
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
    if (this.deadPostings > Math.max(50_000, this.frozen.docs.length / 4)) this.freeze();
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
    const f = i < 0 ? 0 : this.frozen.offsets[i + 1]! - this.frozen.offsets[i]!;
    return f + (this.delta.get(h)?.length ?? 0);
  }

  /** Calls fn for every live slot holding the fingerprint. */
  forEach(h: number, fn: (slot: number) => void): void {
    this.settle();
    const i = this.find(h);
    const dead = this.dead;
    if (i >= 0) {
      const { offsets, docs } = this.frozen;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const s = docs[p]!;
        if (dead.size === 0 || !dead.has(s)) fn(s);
      }
    }
    const list = this.delta.get(h);
    if (list) for (const s of list) if (dead.size === 0 || !dead.has(s)) fn(s);
  }

  /** Binary search inside the key's top-16-bit bucket. Winnowed fingerprints are window minima,
   *  so keys crowd towards small values (interpolation search took ~55 probes); the bucket table
   *  narrows a search over millions of keys to a few dozen neighbours with one extra read. */
  private find(h: number): number {
    const keys = this.frozen.keys;
    const dir = this.directory();
    const b = h >>> 16;
    let lo = dir[b]!;
    let hi = dir[b + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < h) lo = mid + 1;
      else if (k > h) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  private dir?: Uint32Array;

  /** dir[b]: first key index whose top 16 bits are ≥ b (derived from the keys, never stored). */
  private directory(): Uint32Array {
    if (this.dir) return this.dir;
    const keys = this.frozen.keys;
    const dir = new Uint32Array(65537);
    let i = 0;
    for (let b = 0; b <= 65536; b++) {
      while (i < keys.length && keys[i]! >>> 16 < b) i++;
      dir[b] = i;
    }
    this.dir = dir;
    return dir;
  }

  /** Merges the delta into the frozen segment and drops tombstoned postings. */
  freeze(): void {
    if (this.pendingLen === 0 && this.delta.size === 0 && this.dead.size === 0) return;
    const { keys, offsets, docs } = this.frozen;
    let total = 0;
    for (let i = 0; i < keys.length; i++)
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) if (!this.dead.has(docs[p]!)) total++;
    for (const list of this.delta.values()) for (const s of list) if (!this.dead.has(s)) total++;
    for (let i = 0; i < this.pendingLen; i++) {
      const v = this.pending[i]!;
      if (!this.dead.has(v - Math.floor(v / SHIFT) * SHIFT)) total++;
    }
    // (hash, slot) packed into one float64 so one native numeric sort orders both.
    const pairs = new Float64Array(total);
    let w = 0;
    let maxSlot = 0;
    for (let i = 0; i < keys.length; i++)
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const s = docs[p]!;
        if (this.dead.has(s)) continue;
        pairs[w++] = keys[i]! * SHIFT + s;
        if (s > maxSlot) maxSlot = s;
      }
    for (const [h, list] of this.delta)
      for (const s of list) {
        if (this.dead.has(s)) continue;
        pairs[w++] = h * SHIFT + s;
        if (s > maxSlot) maxSlot = s;
      }
    for (let i = 0; i < this.pendingLen; i++) {
      const v = this.pending[i]!;
      const s = v - Math.floor(v / SHIFT) * SHIFT;
      if (this.dead.has(s)) continue;
      pairs[w++] = v;
      if (s > maxSlot) maxSlot = s;
    }
    pairs.sort();
    let distinct = 0;
    let prevH = -1;
    for (let i = 0; i < total; i++) {
      const h = Math.floor(pairs[i]! / SHIFT);
      if (h !== prevH) distinct++;
      prevH = h;
    }
    const nk = new Uint32Array(distinct);
    const no = new Uint32Array(distinct + 1);
    const nd = maxSlot < 65536 ? new Uint16Array(total) : new Uint32Array(total);
    let ki = -1;
    for (let i = 0; i < total; i++) {
      const v = pairs[i]!;
      const h = Math.floor(v / SHIFT);
      if (ki < 0 || nk[ki] !== h) {
        ki++;
        nk[ki] = h;
        no[ki] = i;
      }
      nd[i] = v - h * SHIFT;
    }
    no[distinct] = total;
    this.frozen = { keys: nk, offsets: no, docs: nd };
    this.dir = undefined;
    this.delta = new Map();
    this.deltaSize = 0;
    this.dead = new Set();
    this.deadPostings = 0;
    this.pending = new Float64Array(1024);
    this.pendingLen = 0;
  }

  /** Bytes held by the frozen typed arrays plus an estimate for the delta (8 bytes a posting). */
  bytes(): number {
    const f = this.frozen;
    return f.keys.byteLength + f.offsets.byteLength + f.docs.byteLength + (this.deltaSize + this.pendingLen) * 8;
  }

  toJSON(): FingerprintIndexJson {
    this.freeze();
    const f = this.frozen;
    return {
      keys: bytesToBase64(new Uint8Array(f.keys.buffer, f.keys.byteOffset, f.keys.byteLength)),
      offsets: bytesToBase64(new Uint8Array(f.offsets.buffer, f.offsets.byteOffset, f.offsets.byteLength)),
      docs: bytesToBase64(new Uint8Array(f.docs.buffer, f.docs.byteOffset, f.docs.byteLength)),
      wide: f.docs instanceof Uint32Array,
    };
  }

  static fromJSON(j: FingerprintIndexJson): FingerprintIndex {
    const idx = new FingerprintIndex();
    const keys = base64ToBytes(j.keys);
    const offs = base64ToBytes(j.offsets);
    const docs = base64ToBytes(j.docs);
    idx.frozen = {
      keys: new Uint32Array(keys.buffer, keys.byteOffset, keys.byteLength / 4),
      offsets: new Uint32Array(offs.buffer, offs.byteOffset, offs.byteLength / 4),
      docs: j.wide
        ? new Uint32Array(docs.buffer, docs.byteOffset, docs.byteLength / 4)
        : new Uint16Array(docs.buffer, docs.byteOffset, docs.byteLength / 2),
    };
    return idx;
  }
}
