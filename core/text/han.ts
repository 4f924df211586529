// Han ideograph tests on single UTF-16 code units, so callers can count without building strings.
// Astral ideographs (Extension B and later) are not counted: they are rare in official texts and
// counting them would need surrogate-pair handling on every call.

/** True for a BMP CJK ideograph: Unified, Extension A, Compatibility Ideographs, and 〇 (U+3007). */
export function isHan(codeUnit: number): boolean {
  return (
    (codeUnit >= 0x4e00 && codeUnit <= 0x9fff) ||
    (codeUnit >= 0x3400 && codeUnit <= 0x4dbf) ||
    (codeUnit >= 0xf900 && codeUnit <= 0xfaff) ||
    codeUnit === 0x3007
  );
}
