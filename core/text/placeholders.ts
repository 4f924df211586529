// Template placeholders (XX同志, *月*日, 党的**大, 20**年, 某某, ○○市) fold to one wildcard, so a
// template matches the speech filled in from it. Runs on folded text: lower case, no whitespace,
// ○ already folded to 〇, full-width forms already half-width.
import { MappedText } from './mapped';

/** The wildcard symbol (a private-use character) that replaces a run of placeholder characters. */
export const WILDCARD = '\uE000';
const WILDCARD_CODE = 0xe000;

const X = 0x78; // x
const STAR = 0x2a; // *
const TIMES = 0xd7; // ×
const ZERO = 0x3007; // 〇
const MOU = 0x67d0; // 某

/** Units that a lone placeholder is written before: X月, *日, 20**年, X月份, 第X届. */
const DATE_UNITS = new Set(Array.from('月日年号时份届次', (c) => c.charCodeAt(0)));
const HAN_NUMERALS = new Set(Array.from('〇一二三四五六七八九十百千万零两', (c) => c.charCodeAt(0)));

const isLatin = (u: number | undefined) => u !== undefined && u >= 0x61 && u <= 0x7a;
const isDigit = (u: number | undefined) => u !== undefined && u >= 0x30 && u <= 0x39;
const isHanLetter = (u: number | undefined) =>
  u !== undefined && ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf));
const isNumeral = (u: number | undefined) => isDigit(u) || (u !== undefined && HAN_NUMERALS.has(u));

/** Is the run [i, j) of one placeholder character used as a placeholder here? */
function isPlaceholderRun(codes: Uint16Array, n: number, i: number, j: number): boolean {
  const u = codes[i]!;
  const prev = i > 0 ? codes[i - 1] : undefined;
  const next = j < n ? codes[j] : undefined;
  const len = j - i;
  switch (u) {
    case X:
      // Never inside a Latin word (xxl, max, linux).
      if (isLatin(prev) || isLatin(next)) return false;
    // falls through
    case STAR:
    case TIMES:
      // A lone × or * between digits or at a phrase end is multiplication or a footnote ("数据要素×").
      return len >= 2 || (next !== undefined && DATE_UNITS.has(next)) || (isHanLetter(prev) && isHanLetter(next));
    case ZERO:
      // 〇 next to numerals is a zero (二〇二四, 一九八〇年).
      return len >= 2 && !isNumeral(prev) && !isNumeral(next);
    case MOU:
      return len >= 2;
    case WILDCARD_CODE:
      return true;
    default:
      return false;
  }
}

function isCandidate(u: number): boolean {
  return u === X || u === STAR || u === TIMES || u === ZERO || u === MOU || u === WILDCARD_CODE;
}

/** Replaces each run of placeholders (with digits glued to it, as in 20**) by one WILDCARD. */
export function foldPlaceholders(input: MappedText): MappedText {
  const { codes, starts, ends, length: n } = input;
  // Quick exit: most texts have no candidate character at all.
  let any = false;
  for (let i = 0; i < n; i++) {
    if (isCandidate(codes[i]!)) {
      any = true;
      break;
    }
  }
  if (!any) return input;

  const marked = new Uint8Array(n);
  let found = false;
  for (let i = 0; i < n;) {
    const u = codes[i]!;
    if (!isCandidate(u)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && codes[j] === u && u !== WILDCARD_CODE) j++;
    if (isPlaceholderRun(codes, n, i, j)) {
      let a = i;
      while (a > 0 && isDigit(codes[a - 1]!)) a--;
      let b = j;
      while (b < n && isDigit(codes[b]!)) b++;
      marked.fill(1, a, b);
      found = true;
    }
    i = j;
  }
  if (!found) return input;

  const out = new MappedText(n);
  for (let i = 0; i < n;) {
    if (!marked[i]) {
      out.push(codes[i]!, starts[i]!, ends[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < n && marked[j]) j++;
    out.push(WILDCARD_CODE, starts[i]!, ends[j - 1]!);
    i = j;
  }
  return out;
}
