// Lookup's corpus text kept as a V8 one-byte string (every char code <= 0xFF, so one byte a
// character in the heap) instead of a two-byte string: any CJK character makes a JavaScript string
// two bytes a unit, and the normalised corpus was most of the worker's heap once lookup was built.
// Each UTF-16 unit gets a prefix-free byte code ranked by its frequency in this text: the `t` most
// frequent take one byte (< t), the next (255 - t) * 256 two bytes (a first byte in [t, 254] and
// any second), anything rarer the escape 255 and its two bytes (a Chinese speech corpus averages
// about 1.4 bytes a character). A table of the byte offset of every STEP-th character locates a
// character in at most STEP - 1 steps. Comparisons run natively on the encoded bytes: a query is
// encoded once, and an encoded match counts only where it starts on a code boundary.
//
// Typed arrays would hold the bytes as well, but the matcher and the phrase verifier then pay a
// JavaScript loop per comparison (tried: match CPU doubled); a one-byte string keeps startsWith
// and indexOf native.

/** What lookup and the matcher read of the corpus text: a plain string answers it as it is. */
export interface CorpusChars {
  readonly length: number;
  charCodeAt(x: number): number;
  startsWith(q: string, x: number): boolean;
  slice(from: number, to: number): string;
  indexOf(q: string, from?: number): number;
}

/** Characters between byte-offset samples: a phrase candidate is verified after locating it, up
 *  to STEP - 1 codes past its sample (32 made the 提法's counting 2.6 times the plain string's). */
const STEP = 8;
const SHIFT = 3;
/** Samples are kept in 16-byte blocks of eight (64 characters): the block's 32-bit byte offset,
 *  then each sample's 8-bit delta from it (at most 3 * 56 = 168), so locating a character reads
 *  one cache line of the table (two separate tables cost a third cache miss per candidate on a
 *  large corpus). 0.25 bytes a character. */
const BLOCK_SHIFT = 3;
const ESC = 255;
/** Decoded strings are built this many units at a time (fromCharCode's argument limit). */
const CHUNK = 8192;
/** Decodes UTF-16 units laid out little-endian (natively, about ten times fromCharCode's speed);
 *  null on a big-endian machine, where Uint16Array's bytes are not. It keeps a leading U+FEFF
 *  (ignoreBOM) but would replace a lone surrogate: texts holding any surrogate are built with
 *  fromCharCode instead. */
const UTF16 =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

/** The string of these code units, CHUNK at a time. Of bytes it is a byte string (every code below
 *  256, so V8 stores it one byte a character). */
function unitString(units: Uint8Array | Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += CHUNK)
    parts.push(String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}

/** Units ranked by frequency (ties by unit) and the number `t` of one-byte codes that makes the
 *  text shortest. */
function rankUnits(text: string, oneByte?: number): { ranked: number[]; t: number } {
  const freq = new Float64Array(65536);
  for (let p = 0; p < text.length; p++) freq[text.charCodeAt(p)]!++;
  const ranked: number[] = [];
  for (let u = 0; u < 65536; u++) if (freq[u]! > 0) ranked.push(u);
  ranked.sort((a, b) => freq[b]! - freq[a]! || a - b);
  const prefix = new Float64Array(ranked.length + 1);
  ranked.forEach((u, r) => (prefix[r + 1] = prefix[r]! + freq[u]!));
  const sum = (from: number, to: number): number =>
    prefix[Math.min(to, ranked.length)]! - prefix[Math.min(from, ranked.length)]!;
  if (oneByte !== undefined) return { ranked, t: oneByte };
  let best = 0;
  let bestBytes = Infinity;
  for (let t = 1; t <= 254; t++) {
    const two = t + (255 - t) * 256;
    const bytes = sum(0, t) + 2 * sum(t, two) + 3 * sum(two, ranked.length);
    if (bytes < bestBytes) {
      bestBytes = bytes;
      best = t;
    }
  }
  return { ranked, t: best };
}

export class PackedText implements CorpusChars {
  readonly length: number;
  /** The encoded text. */
  private readonly s: string;
  /** Codes below t are one byte. */
  private readonly t: number;
  /** Rank → unit (rank < t: one-byte code; then two-byte codes in order). */
  private readonly units: Uint16Array;
  /** Unit → rank + 1 (0: not in the text; 0xffff: escaped). */
  private readonly rankOf: Uint16Array;
  /** The sample blocks (see BLOCK_SHIFT), as 32-bit words (offsets at 4 * block) and as bytes
   *  (sample k's delta at 16 * (k >> 3) + 4 + (k & 7)). */
  private readonly blocks: Uint32Array;
  private readonly deltas: Uint8Array;
  private readonly samples: number;
  /** The last character located and its byte offset (sequential scans start from it). */
  private lastX = 0;
  private lastB = 0;
  /** The last query encoded (a phrase's candidates are verified one after another). */
  private lastQ = '';
  private lastE = '';

  /** `oneByte` fixes the number of one-byte codes (tests: every code length on small texts). */
  constructor(text: string, oneByte?: number) {
    const n = text.length;
    this.length = n;
    const { ranked, t } = rankUnits(text, oneByte);
    this.t = t;
    this.units = Uint16Array.from(ranked);
    // Ranks past 65,534 are escaped whatever t is (two-byte codes end below 65,026).
    this.rankOf = new Uint16Array(65536);
    ranked.forEach((u, r) => (this.rankOf[u] = Math.min(r + 1, 0xffff)));
    const bytes = new Uint8Array(n * 3);
    const samples = (n >>> SHIFT) + 1;
    this.samples = samples;
    this.blocks = new Uint32Array(((samples >>> BLOCK_SHIFT) + 1) * 4);
    this.deltas = new Uint8Array(this.blocks.buffer);
    let b = 0;
    // Samples up to and including the end (a text of a multiple of STEP has one there).
    for (let p = 0; p <= n; p++) {
      if ((p & (STEP - 1)) === 0) {
        const k = p >>> SHIFT;
        if ((k & ((1 << BLOCK_SHIFT) - 1)) === 0) this.blocks[(k >>> BLOCK_SHIFT) << 2] = b;
        this.deltas[((k >>> BLOCK_SHIFT) << 4) + 4 + (k & 7)] = b - this.blocks[(k >>> BLOCK_SHIFT) << 2]!;
      }
      if (p < n) b = this.put(bytes, b, text.charCodeAt(p));
    }
    this.s = unitString(bytes.subarray(0, b));
  }

  /** Writes unit u's code at bytes[b], returning the offset past it. */
  private put(bytes: Uint8Array, b: number, u: number): number {
    const r = this.rankOf[u]! - 1;
    const t = this.t;
    if (r >= 0 && r < t) {
      bytes[b] = r;
      return b + 1;
    }
    if (r >= 0 && r < t + (255 - t) * 256) {
      bytes[b] = t + ((r - t) >>> 8);
      bytes[b + 1] = (r - t) & 0xff;
      return b + 2;
    }
    bytes[b] = ESC;
    bytes[b + 1] = u >>> 8;
    bytes[b + 2] = u & 0xff;
    return b + 3;
  }

  /** q encoded (units absent from the text take the escape code: they then match nothing). */
  private encode(q: string): string {
    if (q === this.lastQ) return this.lastE;
    const bytes = new Uint8Array(q.length * 3);
    let b = 0;
    for (let i = 0; i < q.length; i++) b = this.put(bytes, b, q.charCodeAt(i));
    this.lastQ = q;
    return (this.lastE = unitString(bytes.subarray(0, b)));
  }

  /** Bytes taken by the code whose first byte is c. */
  private codeLength(c: number): number {
    return c < this.t ? 1 : c < ESC ? 2 : 3;
  }

  /** Byte offset of character x (0 <= x <= length). */
  private byteAt(x: number): number {
    let at: number;
    let b: number;
    if (x >= this.lastX && x - this.lastX < STEP) {
      at = this.lastX;
      b = this.lastB;
    } else {
      const k = x >>> SHIFT;
      at = k << SHIFT;
      b = this.sample(k);
    }
    const s = this.s;
    const t = this.t;
    for (; at < x; at++) {
      const c = s.charCodeAt(b);
      b += c < t ? 1 : c < ESC ? 2 : 3;
    }
    this.lastX = x;
    this.lastB = b;
    return b;
  }

  /** Byte offset of character k << SHIFT. */
  private sample(k: number): number {
    return this.blocks[(k >>> BLOCK_SHIFT) << 2]! + this.deltas[((k >>> BLOCK_SHIFT) << 4) + 4 + (k & 7)]!;
  }

  /** Character starting at byte b, or -1 when b falls inside a code. */
  private charAtByte(b: number): number {
    // The last sample at or before b: samples' byte offsets ascend with their index.
    let lo = 0;
    let hi = this.samples - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.sample(mid) <= b) lo = mid;
      else hi = mid - 1;
    }
    let x = lo << SHIFT;
    let at = this.sample(lo);
    while (at < b) {
      at += this.codeLength(this.s.charCodeAt(at));
      x++;
    }
    return at === b ? x : -1;
  }

  /** The unit whose code starts at byte b. */
  private unitAt(b: number): number {
    const s = this.s;
    const c = s.charCodeAt(b);
    if (c < this.t) return this.units[c]!;
    if (c < ESC) return this.units[this.t + ((c - this.t) << 8) + s.charCodeAt(b + 1)]!;
    return (s.charCodeAt(b + 1) << 8) | s.charCodeAt(b + 2);
  }

  charCodeAt(x: number): number {
    if (!(x >= 0 && x < this.length)) return NaN;
    return this.unitAt(this.byteAt(Math.floor(x)));
  }

  startsWith(q: string, x: number): boolean {
    const at = Math.min(Math.max(Math.floor(x) || 0, 0), this.length);
    if (at + q.length > this.length) return false;
    if (q.length === 0) return true;
    return this.s.startsWith(this.encode(q), this.byteAt(at));
  }

  slice(from: number, to: number = this.length): string {
    const n = this.length;
    const clamp = (v: number): number => {
      const i = Math.trunc(v) || 0;
      return i < 0 ? Math.max(n + i, 0) : Math.min(i, n);
    };
    const a = clamp(from);
    const z = clamp(to);
    if (z <= a) return '';
    const out = new Uint16Array(z - a);
    const s = this.s;
    const t = this.t;
    const units = this.units;
    let b = this.byteAt(a);
    let surrogates = false;
    for (let i = 0; i < out.length; i++) {
      const c = s.charCodeAt(b);
      if (c < t) {
        out[i] = units[c]!;
        b++;
      } else if (c < ESC) {
        out[i] = units[t + ((c - t) << 8) + s.charCodeAt(b + 1)]!;
        b += 2;
      } else {
        out[i] = (s.charCodeAt(b + 1) << 8) | s.charCodeAt(b + 2);
        b += 3;
      }
      if ((out[i]! & 0xf800) === 0xd800) surrogates = true;
    }
    return UTF16 && !surrogates ? UTF16.decode(out) : unitString(out);
  }

  indexOf(q: string, from = 0): number {
    const start = Math.min(Math.max(Math.trunc(from) || 0, 0), this.length);
    if (q.length === 0) return start;
    if (start + q.length > this.length) return -1;
    const e = this.encode(q);
    for (let b = this.s.indexOf(e, this.byteAt(start)); b >= 0; b = this.s.indexOf(e, b + 1)) {
      const x = this.charAtByte(b);
      if (x >= 0) {
        this.lastX = x;
        this.lastB = b;
        return x;
      }
    }
    return -1;
  }

  /** Bytes of the encoded text and its tables. */
  byteLength(): number {
    return this.s.length + this.units.byteLength + this.rankOf.byteLength + this.blocks.byteLength;
  }
}
