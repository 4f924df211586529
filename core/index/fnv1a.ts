// FNV-1a, 32 bits: a fast, well-spread hash for checksums and hash-table keys, never for security.
// Results are signed 32-bit integers (Math.imul's); `>>> 0` gives the unsigned value.

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

/** Hash of bytes[from, to). */
export function fnv1aBytes(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let h = OFFSET;
  for (let p = from; p < to; p++) h = Math.imul(h ^ bytes[p]!, PRIME);
  return h;
}

/** Hash of a string's UTF-16 code units. */
export function fnv1aString(s: string): number {
  let h = OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
}
