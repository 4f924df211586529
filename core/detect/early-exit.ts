// The content script's first question on every page: is there Chinese here at all? Answered from
// a short sample (e.g. the title plus the start of document.body.textContent) before any
// extraction, so non-Chinese pages cost next to nothing.

/** Characters of the sample that are looked at; enough to see past an English menu bar. */
const SCAN = 3000;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** True if the sample has enough Han characters to be a Chinese page (Simplified or Traditional). */
export function looksChinese(sample: string): boolean {
  const n = Math.min(sample.length, SCAN);
  let han = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (isHan(c)) {
      han++;
      // Plenty already: a Chinese page, whatever else is on it.
      if (han >= 50) return true;
    } else if (c > 0x20 && c !== 0xa0 && c !== 0x3000) letters++;
  }
  // A short sample counts when Han makes up a fair share of what is written (Japanese kanji-only
  // runs are rare enough at this share to let through; detect() weeds them out later).
  return han >= 10 && han >= (han + letters) * 0.2;
}
