// Character-level folding: NFKC (full/half width, compatibility ideographs), lower case, one
// representative per punctuation class, and removal of whitespace and invisible characters.
// Applied code point by code point so every output unit maps to exactly one input code point.

/** Punctuation classes: every member folds to the first character of its string. Keys are the
 *  forms left AFTER NFKC (NFKC already turns ，；：！？（ into their ASCII forms). */
const PUNCT_CLASSES = [
  '，,、﹑',
  '；;',
  '：:︰',
  '。.｡',
  '！!',
  '？?',
  '“”"\'‘’「」『』〝〞`′″«»‹›',
  '（([{【〔〖〘⦅',
  '）)]}】〕〗〙⦆',
  '《〈<',
  '》〉>',
  '—-‐‑‒–―─━−﹣',
  '～~〜∼',
  '·•・‧･∙',
  // ○ and ◯ are written for 〇 ("一九八○年"), so they fold into the ideographic zero.
  '〇○◯',
];

const PUNCT = new Map<number, number>();
for (const cls of PUNCT_CLASSES) {
  const to = cls.charCodeAt(0);
  for (const ch of cls) PUNCT.set(ch.charCodeAt(0), to);
}

/** Replaced before NFKC because NFKC leaves them alone or would scatter them. */
const BEFORE_NFKC = new Map<number, string>([[0x22ef, '…']]);

function isDropped(unit: number): boolean {
  // Whitespace (incl. U+3000, NBSP, line/paragraph separators) and zero-width/invisible marks.
  return (
    unit === 0x20 ||
    (unit >= 0x09 && unit <= 0x0d) ||
    unit === 0xa0 ||
    unit === 0xad ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200f) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x2060 ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

const cache = new Map<number, string>();

/** The folded form of one code point ('' when it is dropped). Cached: pages repeat few symbols. */
export function foldCodePoint(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const raw = BEFORE_NFKC.get(cp) ?? String.fromCodePoint(cp);
  const nfkc = raw.normalize('NFKC').toLowerCase();
  let out = '';
  for (let i = 0; i < nfkc.length; i++) {
    const u = nfkc.charCodeAt(i);
    if (isDropped(u)) continue;
    out += String.fromCharCode(PUNCT.get(u) ?? u);
  }
  cache.set(cp, out);
  return out;
}

/** ASCII fast path: folded unit per ASCII code, -1 when dropped (built from foldCodePoint so both agree). */
export const ASCII_FOLD: Int32Array = (() => {
  const table = new Int32Array(128);
  for (let c = 0; c < 128; c++) {
    const f = foldCodePoint(c);
    table[c] = f.length === 0 ? -1 : f.charCodeAt(0);
  }
  return table;
})();
