// One content hash for texts, where equal texts must get equal keys (a document's id from its
// body, a kept page's text key): two independent 32-bit multiplicative hashes, so a collision
// needs both to agree. Not for security. Changing it changes stored user-document ids.

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** 16 hex digits: an FNV-1a lane and a murmur-style lane over the UTF-16 code units. */
export function textHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${hex8(a)}${hex8(b)}`;
}
