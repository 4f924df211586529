// Whitespace by code unit: the engine counts and skips it per character, where a regex test per
// character was a visible share of match().

/** The characters of JavaScript's /\s/. */
export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Blank as page text shows it: /\s/, every control character and the zero-width space. */
export function isBlank(c: number): boolean {
  return c <= 0x20 || c === 0x200b || isWhitespace(c);
}

/** A run of whitespace, for collapsing it to one space. */
export const WS_RUN = /\s+/g;
