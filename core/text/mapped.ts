// A text under construction together with, for every UTF-16 unit, the span of the ORIGINAL text it
// came from. Each normalisation step reads one and writes another, so positions survive the whole
// pipeline without composing maps afterwards. Typed arrays with doubling growth: plain arrays of
// numbers were 5–10× slower here.

export class MappedText {
  codes: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.codes = new Uint16Array(c);
    this.starts = new Uint32Array(c);
    this.ends = new Uint32Array(c);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    const i = this.length++;
    this.codes[i] = code;
    this.starts[i] = start;
    this.ends[i] = end;
  }

  /** Appends units [from, to) of another mapped text as they are (one bulk copy). */
  copyFrom(src: MappedText, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    while (this.length + n > this.codes.length) this.grow();
    this.codes.set(src.codes.subarray(from, to), this.length);
    this.starts.set(src.starts.subarray(from, to), this.length);
    this.ends.set(src.ends.subarray(from, to), this.length);
    this.length += n;
  }

  private grow(): void {
    const c = this.codes.length * 2;
    const codes = new Uint16Array(c);
    const starts = new Uint32Array(c);
    const ends = new Uint32Array(c);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  toString(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 8192) {
      out += String.fromCharCode.apply(
        null,
        this.codes.subarray(i, Math.min(this.length, i + 8192)) as unknown as number[],
      );
    }
    return out;
  }
}

/** Code point starting at unit i, and how many units it takes (lone surrogates count as one). */
export function codePointAt(codes: Uint16Array, length: number, i: number): number {
  const c = codes[i]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
    const d = codes[i + 1]!;
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}
