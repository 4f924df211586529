// A small binary container: a JSON head and named byte sections, each 4-byte aligned so typed
// arrays can view them in place (no copy, no base64). Used for the engine's binary snapshot and
// the extension's bundled corpus asset. Layout (little-endian):
//   u32 magic · u32 container format · u32 head byte length · head (UTF-8 JSON) · padding to 4 ·
//   sections at the offsets the head lists (relative to the container's first byte).
// The head's `sections` maps a name to [offset, byteLength]; everything else in it is the caller's.

export const CONTAINER_FORMAT = 1;

export type SectionData = Uint8Array | Uint16Array | Uint32Array;

export interface Container<H> {
  head: H;
  /** Views on the container's own buffer. */
  sections: Record<string, Uint8Array>;
}

const align4 = (n: number): number => (n + 3) & ~3;

function bytesOf(a: SectionData): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeContainer(magic: number, head: object, sections: Record<string, SectionData>): Uint8Array {
  const names = Object.keys(sections);
  const table: Record<string, [number, number]> = {};
  // The head's length decides where sections start, and the head lists their offsets: offsets are
  // first computed from 0 and shifted once the head is encoded (its length is then fixed by
  // padding the offsets to a width that cannot change).
  let rel = 0;
  for (const n of names) {
    table[n] = [rel, sections[n]!.byteLength];
    rel = align4(rel + sections[n]!.byteLength);
  }
  const enc = new TextEncoder();
  let headBytes = enc.encode(JSON.stringify({ ...head, sections: table }));
  let start = align4(12 + headBytes.length);
  for (;;) {
    const shifted: Record<string, [number, number]> = {};
    for (const n of names) shifted[n] = [table[n]![0] + start, table[n]![1]];
    headBytes = enc.encode(JSON.stringify({ ...head, sections: shifted }));
    const next = align4(12 + headBytes.length);
    if (next <= start) break;
    start = next;
  }
  const out = new Uint8Array(start + rel);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, magic, true);
  dv.setUint32(4, CONTAINER_FORMAT, true);
  dv.setUint32(8, headBytes.length, true);
  out.set(headBytes, 12);
  for (const n of names) out.set(bytesOf(sections[n]!), table[n]![0] + start);
  return out;
}

/** Reads a container; throws a plain Error naming what is wrong (wrong magic, newer format, cut short). */
export function decodeContainer<H>(magic: number, bytes: Uint8Array, what: string): Container<H> {
  if (bytes.byteLength < 12) throw new Error(`${what} is too short`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== magic) throw new Error(`${what} has the wrong signature`);
  const format = dv.getUint32(4, true);
  if (format !== CONTAINER_FORMAT) throw new Error(`${what} has container format ${format}, not ${CONTAINER_FORMAT}`);
  const headLen = dv.getUint32(8, true);
  if (12 + headLen > bytes.byteLength) throw new Error(`${what} is cut short`);
  const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headLen))) as H & {
    sections?: Record<string, [number, number]>;
  };
  const sections: Record<string, Uint8Array> = {};
  for (const [name, [off, len]] of Object.entries(parsed.sections ?? {})) {
    if (!Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off + len > bytes.byteLength) {
      throw new Error(`${what} is cut short (section ${name})`);
    }
    sections[name] = bytes.subarray(off, off + len);
  }
  return { head: parsed, sections };
}

/** A typed view on a section; copied only when the section is not aligned for the element size. */
export function view32(b: Uint8Array): Uint32Array {
  if (b.byteOffset % 4 === 0) return new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
  return new Uint32Array(b.slice().buffer, 0, b.byteLength >> 2);
}

export function view16(b: Uint8Array): Uint16Array {
  if (b.byteOffset % 2 === 0) return new Uint16Array(b.buffer, b.byteOffset, b.byteLength >> 1);
  return new Uint16Array(b.slice().buffer, 0, b.byteLength >> 1);
}
