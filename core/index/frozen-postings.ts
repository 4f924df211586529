// The frozen segment of the fingerprint index (fingerprint-index.ts): built from sorted
// (fingerprint, slot) pairs in one pass, each key's slot list varint-coded and stored once however
// many keys share it.
import { fnv1aBytes } from './fnv1a';
import { VarintWriter } from './varint';

export interface FrozenPostings {
  /** dir[b]: index of the first key whose top 16 bits are ≥ b (65,537 entries). */
  dir: Uint32Array;
  /** Low 16 bits of each key, ascending within its bucket. */
  keys: Uint16Array;
  /** List id of each key, idBytes little-endian bytes each (2–4: as few as the list count needs). */
  ids: Uint8Array;
  idBytes: number;
  /** Byte range of each distinct list in `docs` (lists + 1 entries). */
  offsets: Uint32Array;
  /** Ascending slots per list: the first, then the gaps, as LEB128 varints. */
  docs: Uint8Array;
}

/** Slots fit in 21 bits; hash · 2^21 + slot stays an exact float64 integer (< 2^53), so one
 *  native numeric sort of packed pairs orders by fingerprint, then slot. */
export const SHIFT = 2097152;

/** Slot lists written once each: a list equal to one already stored (found by its FNV-1a hash)
 *  is dropped and the stored one's id returned. */
class DistinctLists {
  readonly out: VarintWriter;
  readonly starts: number[] = [0];
  /** Ids of the stored lists by the hash of their bytes. */
  private readonly byHash = new Map<number, number | number[]>();

  constructor(initialBytes: number) {
    this.out = new VarintWriter(initialBytes);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** The id for the list written since byte `from`. */
  close(from: number): number {
    const out = this.out;
    const hash = fnv1aBytes(out.view(), from, out.length);
    const known = this.byHash.get(hash);
    const same = (l: number): boolean =>
      this.starts[l + 1]! - this.starts[l]! === out.length - from && out.equalsRange(this.starts[l]!, from);
    let id = -1;
    if (typeof known === 'number') id = same(known) ? known : -1;
    else if (known) for (const l of known) if (same(l)) id = l;
    if (id >= 0) {
      out.truncate(from);
      return id;
    }
    id = this.count;
    this.starts.push(out.length);
    if (known === undefined) this.byHash.set(hash, id);
    else if (typeof known === 'number') this.byHash.set(hash, [known, id]);
    else known.push(id);
    return id;
  }
}

/** Each key's list id in `idBytes` little-endian bytes, as few as the number of lists needs. */
function packIds(listOfKey: Uint32Array, lists: number): { ids: Uint8Array; idBytes: number } {
  const idBytes = lists <= 0x10000 ? 2 : lists <= 0x1000000 ? 3 : 4;
  const ids = new Uint8Array(listOfKey.length * idBytes);
  for (let k = 0; k < listOfKey.length; k++) {
    let v = listOfKey[k]!;
    for (let j = 0; j < idBytes; j++, v >>>= 8) ids[k * idBytes + j] = v & 0xff;
  }
  return { ids, idBytes };
}

function distinctKeys(pairs: Float64Array): number {
  let distinct = 0;
  let prevH = -1;
  for (let i = 0; i < pairs.length; i++) {
    const h = Math.floor(pairs[i]! / SHIFT);
    if (h !== prevH) distinct++;
    prevH = h;
  }
  return distinct;
}

/** The frozen segment holding `pairs` (packed hash · SHIFT + slot, sorted ascending). */
export function freezePairs(pairs: Float64Array): FrozenPostings {
  const total = pairs.length;
  const distinct = distinctKeys(pairs);
  const keys = new Uint16Array(distinct);
  const listOfKey = new Uint32Array(distinct);
  const dir = new Uint32Array(65537);
  const lists = new DistinctLists(Math.max(16, Math.min(total * 2, 1 << 20)));
  let ki = 0;
  for (let i = 0; i < total;) {
    const h = Math.floor(pairs[i]! / SHIFT);
    // This key's slots go after the stored lists, and stay only if no equal list exists.
    const from = lists.out.length;
    let lastSlot = 0;
    for (; i < total && Math.floor(pairs[i]! / SHIFT) === h; i++) {
      const slot = pairs[i]! - h * SHIFT;
      lists.out.write(lists.out.length === from ? slot : slot - lastSlot);
      lastSlot = slot;
    }
    listOfKey[ki] = lists.close(from);
    keys[ki] = h & 0xffff;
    dir[(h >>> 16) + 1]!++;
    ki++;
  }
  for (let b = 0; b < 65536; b++) dir[b + 1]! += dir[b]!;
  return {
    dir,
    keys,
    ...packIds(listOfKey, lists.count),
    offsets: Uint32Array.from(lists.starts),
    docs: lists.out.bytes(),
  };
}
