// Character k-gram hashing and winnowing over normalised text. The index, the matcher and the
// lookup must hash identically, so every gram hash in the engine comes from here.
import { WILDCARD } from '../text/normalize';

/** Gram length in normalised characters. Six Han characters are rare enough to seed alignment
 *  between unrelated speeches only on formulae, yet short enough to survive 3–5 % edits. */
export const GRAM = 6;
/** Winnowing window: any shared run of GRAM + WINDOW - 1 characters shares a fingerprint. */
export const WINDOW = 8;
/** Hash given to grams that must never match (they contain a placeholder wildcard). */
export const NO_HASH = 0xffffffff;

const BASE = 0x01000193;
let basePow = 1;
for (let i = 0; i < GRAM - 1; i++) basePow = Math.imul(basePow, BASE);
const BASE_POW = basePow;

/** The placeholder character normalize() puts for 某某 / ** / XX style blanks: a gram holding it
 *  stands for unknown text and must not seed a match. */
const WILDCARD_CODE = WILDCARD.charCodeAt(0);

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of every gram: out[i] is the hash of text[i, i + GRAM). Length max(0, n - GRAM + 1). */
export function gramHashes(text: string): Uint32Array {
  const n = text.length - GRAM + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let h = 0;
  let lastWild = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === WILDCARD_CODE) lastWild = i;
    if (i >= GRAM) h = (h - Math.imul(text.charCodeAt(i - GRAM), BASE_POW)) | 0;
    h = (Math.imul(h, BASE) + c) | 0;
    const start = i - GRAM + 1;
    if (start >= 0) {
      let v = mix(h);
      if (v === NO_HASH) v = NO_HASH - 1;
      out[start] = lastWild >= start ? NO_HASH : v;
    }
  }
  return out;
}

/** Winnowing (Schleimer et al.): the minimum hash of every window of WINDOW grams, rightmost on
 *  ties. Returns selected gram positions in increasing order. Local and content-determined, so a
 *  passage shared by two texts selects the same fingerprints inside it in both. */
export function winnow(hashes: Uint32Array, window = WINDOW): number[] {
  const out: number[] = [];
  const n = hashes.length;
  if (n === 0) return out;
  if (n < window) {
    let best = -1;
    for (let i = 0; i < n; i++) if (hashes[i]! !== NO_HASH && (best < 0 || hashes[i]! <= hashes[best]!)) best = i;
    if (best >= 0) out.push(best);
    return out;
  }
  const dq = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    while (tail > head && hashes[dq[tail - 1]!]! >= h) tail--;
    dq[tail++] = i;
    if (dq[head]! <= i - window) head++;
    if (i >= window - 1) {
      const m = dq[head]!;
      if (m !== last && hashes[m]! !== NO_HASH) {
        out.push(m);
        last = m;
      }
    }
  }
  return out;
}

/** Distinct winnowed fingerprints of a normalised text, sorted. */
export function fingerprints(text: string): Uint32Array {
  const hs = gramHashes(text);
  const pos = winnow(hs);
  const set = new Uint32Array(pos.length);
  for (let i = 0; i < pos.length; i++) set[i] = hs[pos[i]!]!;
  set.sort();
  let w = 0;
  for (let i = 0; i < set.length; i++) if (i === 0 || set[i] !== set[i - 1]) set[w++] = set[i]!;
  return set.slice(0, w);
}
