// Turns what a person typed in the settings view into setting values, or says what is wrong with
// it. Pure so the rules can be tested without rendering; the background validates again. The
// numbers' bounds are the tunables' (core/model/tunables.ts).

/** Shortest phrase a list accepts: a single character would mark every occurrence of it. */
export const MIN_PHRASE_CHARS = 2;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };
export type ParseError =
  | { kind: 'whole-number'; min: number; max: number }
  | { kind: 'bad-host' }
  | { kind: 'phrase-too-short'; phrase: string };

// Chinese input methods often produce full-width digits (１２).
const toAsciiDigits = (s: string): string => s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));

export function parseWholeNumber(raw: string, min: number, max: number): Parsed<number> {
  const s = toAsciiDigits(raw.trim());
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) return { ok: false, error: { kind: 'whole-number', min, max } };
  return { ok: true, value: n };
}

/** A hostname from what people paste: `www.gov.cn`, `https://www.gov.cn/a.html`, `*.gov.cn`,
 *  `.gov.cn`. Internationalised names come back in the punycode form `location.hostname` uses. */
export function parseHost(raw: string): Parsed<string> {
  const s = raw.trim().replace(/^\*?\.+/, '');
  const bad: Parsed<string> = { ok: false, error: { kind: 'bad-host' } };
  if (!s || /\s/.test(s)) return bad;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`).hostname.toLowerCase();
  } catch {
    return bad;
  }
  // `URL` accepts odd things (`a_b`, a bare `[::1]` is fine but `%` is not a host): keep to labels.
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/.test(host)) return bad;
  return { ok: true, value: host };
}

/** The hostname of an http(s) page URL, or null for anything else (the panel has no site then). */
export function pageHost(url: string | undefined | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const h = parseHost(url);
  return h.ok ? h.value : null;
}

/** One phrase per line: trimmed, blank lines dropped, duplicates kept once, order kept. */
export function parseLines(raw: string): Parsed<string[]> {
  const lines = [
    ...new Set(
      raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const short = lines.find((l) => [...l].length < MIN_PHRASE_CHARS);
  if (short !== undefined) return { ok: false, error: { kind: 'phrase-too-short', phrase: short } };
  return { ok: true, value: lines };
}
