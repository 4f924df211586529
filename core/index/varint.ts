// LEB128 varints: seven bits a byte, low groups first, the high bit set on every byte but the
// last. The index's byte streams (position maps, fingerprint slot lists) are written and read
// only here, so their format is in one place. Values are non-negative integers below 2^53: a
// position map's zigzag deltas can pass 2^31, so no 32-bit shift narrows them.

/** Appends varints to a growing byte buffer. */
export class VarintWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(initialBytes = 64) {
    this.buf = new Uint8Array(Math.max(16, initialBytes));
  }

  write(v: number): void {
    // A value below 2^53 takes at most 8 bytes.
    if (this.length + 8 > this.buf.length) this.grow();
    const buf = this.buf;
    let w = this.length;
    while (v >= 0x80) {
      // `& 0x7f` reads the low bits correctly above 2^31 too (ToInt32 is modulo 2^32).
      buf[w++] = (v & 0x7f) | 0x80;
      v = v < 0x80000000 ? v >>> 7 : Math.floor(v / 0x80);
    }
    buf[w++] = v;
    this.length = w;
  }

  /** The bytes written since `from`, equal to a byte range already written at `at`? */
  equalsRange(at: number, from: number): boolean {
    const n = this.length - from;
    for (let k = 0; k < n; k++) if (this.buf[at + k] !== this.buf[from + k]) return false;
    return true;
  }

  /** Forgets everything written after `length` bytes. */
  truncate(length: number): void {
    this.length = length;
  }

  /** The underlying buffer, valid up to `length` until the next write. */
  view(): Uint8Array {
    return this.buf;
  }

  /** A copy of the bytes written. */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  private grow(): void {
    const bigger = new Uint8Array(this.buf.length * 2);
    bigger.set(this.buf);
    this.buf = bigger;
  }
}

/** Reads varints in order from `pos` up to `end`. */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public pos = 0,
    private readonly end = bytes.length,
  ) {}

  more(): boolean {
    return this.pos < this.end;
  }

  next(): number {
    const b = this.bytes;
    let v = 0;
    let scale = 1;
    let c: number;
    do {
      c = b[this.pos++]!;
      v += (c & 0x7f) * scale;
      scale *= 0x80;
    } while (c & 0x80);
    return v;
  }
}

/** How many varints `bytes[from, to)` holds: one ends at each byte below 0x80. */
export function countVarints(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to; p++) if (bytes[p]! < 0x80) n++;
  return n;
}

/** Signed → unsigned so small magnitudes of either sign stay small: 0, -1, 1, -2 → 0, 1, 2, 3. */
export function zigzag(d: number): number {
  return d >= 0 ? 2 * d : -2 * d - 1;
}

export function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}
