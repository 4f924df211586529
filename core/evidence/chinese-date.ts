// Dates as Chinese pages write them: 2023年5月6日, 二〇二三年五月六日, ２０２３－０５－０６, 2023/5/6, 2023.05.06.
// Results are partial ISO strings: YYYY, YYYY-MM or YYYY-MM-DD, the precision the text gives.

const HAN_DIGIT: Record<string, number> = Object.fromEntries(
  Array.from('〇○零Ｏ一二两三四五六七八九', (c, i) => [c, i < 4 ? 0 : i < 6 ? i - 3 : i - 4]),
);

/** Full-width digits and separators to ASCII (NFKC does exactly this for them). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９－／．：]/g, (c) => c.normalize('NFKC'));
}

/** 二〇二三 → 2023 (digit by digit, as years are written). */
function hanYear(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    const d = HAN_DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** 五 → 5, 十二 → 12, 二十一 → 21, 三十 → 30 (months and days). */
function hanSmall(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? HAN_DIGIT[m[1]]! : m[3] && !m[1] ? HAN_DIGIT[m[3]]! : null;
  return (m[1] ? HAN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? HAN_DIGIT[m[3]]! : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds the partial ISO date, or null when a part is out of range. */
export function isoDate(year: number, month?: number | null, day?: number | null): string | null {
  if (!(year >= 1949 && year <= 2100)) return null;
  if (month == null) return String(year);
  if (!(month >= 1 && month <= 12)) return null;
  if (day == null) return `${year}-${pad(month)}`;
  if (!(day >= 1 && day <= 31)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const HAN_NUM = '〇○零Ｏ一二两三四五六七八九十';
const YEAR = `(\\d{4}|[${HAN_NUM}]{4})`;
const SMALL = `(\\d{1,2}|[${HAN_NUM}]{1,3})`;
/** 2023年5月6日 / 二〇二三年五月 / 2023年 — with optional spaces between the parts. */
export const HAN_DATE = new RegExp(`${YEAR}\\s*年(?:\\s*${SMALL}\\s*月(?:\\s*${SMALL}\\s*[日号])?)?`, 'g');
/** 2023-05-06, 2023/5/6, 2023.05.06, 2023-05. */
export const NUMERIC_DATE = /(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)/g;

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function fromHan(m: RegExpExecArray): string | null {
  const year = /^\d/.test(m[1]!) ? Number(m[1]) : hanYear(m[1]!);
  if (year == null) return null;
  const month = m[2] === undefined ? null : hanSmall(m[2]);
  const day = m[3] === undefined ? null : hanSmall(m[3]);
  if ((m[2] !== undefined && month == null) || (m[3] !== undefined && day == null)) return null;
  return isoDate(year, month, day);
}

/** Every date written in `text` (after full-width digits are folded), in text order. */
export function findDates(text: string): FoundDate[] {
  const t = asciiDigits(text);
  const out: FoundDate[] = [];
  for (const m of t.matchAll(HAN_DATE)) {
    const iso = fromHan(m);
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  for (const m of t.matchAll(NUMERIC_DATE)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]));
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The one date a short string holds (a meta tag's content, a front-matter value), or null. */
export function parseDate(value: string): string | null {
  const t = asciiDigits(value.trim());
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(t);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const found = findDates(t)[0];
  if (found) return found.iso;
  const year = /^(\d{4})$/.exec(t);
  return year ? isoDate(Number(year[1])) : null;
}
