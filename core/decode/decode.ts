// Bytes of a user's file or a fetched page → text, with only TextDecoder (browsers and Node ≥ 20
// with full ICU). Order: BOM, BOM-less UTF-16, declared charset (Content-Type, then <meta>), valid
// UTF-8, then the better-reading of UTF-8 with a few bad bytes, GB18030, Big5 (and UTF-16 for
// pure-Han text). A few invalid bytes (a damaged copy, a last character cut off) degrade to U+FFFD
// and are counted in `replaced`, so callers can warn instead of refusing the whole file; input that
// is mostly not text throws DecodeError with a plain message. The CLI and the extension's import
// both read files through this one function.
import { controlKind, magicKind } from './binary';
import { charsetFromContentType, charsetFromMeta } from './charset';
import { DecodeError } from './decode-error';
import { chineseScore, isPlausible } from './score';

export { DecodeError } from './decode-error';

export interface DecodeOptions {
  fileName?: string;
  contentType?: string;
}

export interface Decoded {
  text: string;
  /** TextDecoder's name of the encoding used, e.g. "utf-8", "gb18030", "big5", "utf-16le". */
  encoding: string;
  /** Invalid byte sequences replaced with U+FFFD; absent for a clean file. */
  replaced?: number;
}

/** The warning a person sees for a degraded decoding, or undefined when nothing was replaced. */
export function decodeWarning(d: Decoded): string | undefined {
  if (!d.replaced) return undefined;
  const what = d.replaced === 1 ? 'invalid byte sequence' : 'invalid byte sequences';
  return `${d.replaced} ${what} replaced with U+FFFD (read as ${d.encoding})`;
}

const countFffd = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
};

function withoutScore({ score: _, ...d }: Decoded & { score: number }): Decoded {
  return d;
}

/** A lenient decoding is text with a few holes: at most 4 replacements or 2 % of the non-ASCII
 *  characters, and (with enough of them to judge) a real share of frequent Chinese characters. */
function fewHoles(text: string): boolean {
  const s = chineseScore(text);
  const real = s.nonAscii - s.replacements;
  return s.replacements <= Math.max(4, real * 0.02) && (real < 20 || s.frequent >= real * 0.05);
}

/** The non-fatal decoding with its replacement count (U+FFFD already in a valid file counts 0). */
function lenient(bytes: Uint8Array, encoding: string): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  if (tryDecode(bytes, encoding) !== undefined) return { text, encoding };
  return { text, encoding, replaced: Math.max(1, countFffd(text)) };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a byte-order mark, when NUL bytes hint at it (ASCII leaves one on every
 *  character; Han characters such as 一 U+4E00 leave some too, on either parity): the endianness
 *  that reads better wins, and neither wins on a real binary file. */
function utf16WithoutBom(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes.subarray(0, 8192).indexOf(0) < 0) return undefined;
  let best: (Decoded & { score: number }) | undefined;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    // An odd length is a last byte cut off: one replacement, like any other hole.
    const d = lenient(bytes, encoding);
    // eslint-disable-next-line no-control-regex -- control characters mark a wrong (binary) reading
    if (!fewHoles(d.text) || /[\u0001-\u0008\u000e-\u001f]/.test(d.text)) continue;
    const score = chineseScore(d.text).score;
    if (!best || score > best.score) best = { ...d, score };
  }
  return best && withoutScore(best);
}

/** Single-byte Western labels are a classic wrong declaration on Chinese pages: they never fail. */
const WESTERN = new Set(['windows-1252', 'iso-8859-2', 'iso-8859-15']);

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw new DecodeError('file is empty');

  const bom = bomEncoding(bytes);
  if (bom) {
    // TextDecoder drops the BOM itself (ignoreBOM: false).
    const decoded = lenient(bytes, bom);
    if (decoded.text.length === 0) throw new DecodeError('file is empty');
    return decoded;
  }

  const magic = magicKind(bytes, opts.fileName);
  if (magic) throw new DecodeError(`looks like a binary file (${magic}), not text`);

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;

  const kind = controlKind(bytes);
  if (kind) throw new DecodeError(`looks like a binary file (${kind}), not text`);

  const utf8 = tryDecode(bytes, 'utf-8');
  const declared = charsetFromContentType(opts.contentType) ?? charsetFromMeta(bytes);
  if (declared && !(WESTERN.has(declared) && utf8 !== undefined)) {
    const text = tryDecode(bytes, declared);
    // Wrong declarations are common on old sites, and the Big5/GBK decoders accept most byte
    // pairs, so the result must also read as text; otherwise fall through to sniffing.
    if (text !== undefined && isPlausible(text)) return { text, encoding: declared };
  }

  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return bestReading(bytes);
}

/** Not valid UTF-8: UTF-8 with a few holes, GB18030, Big5 and (even length) UTF-16 compete on
 *  how much they read like Chinese; each U+FFFD costs as much as several frequent characters. */
function bestReading(bytes: Uint8Array): Decoded {
  let best: (Decoded & { score: number }) | undefined;
  const consider = (d: Decoded) => {
    const score = chineseScore(d.text).score;
    if (!best || score > best.score) best = { ...d, score };
  };
  const utf8 = lenient(bytes, 'utf-8');
  if (fewHoles(utf8.text)) consider(utf8);
  // UTF-16 text with no ASCII at all has no NUL bytes either; it competes on the same score.
  const candidates = bytes.length % 2 === 0 ? ['gb18030', 'big5', 'utf-16le', 'utf-16be'] : ['gb18030', 'big5'];
  for (const encoding of candidates) {
    const d = lenient(bytes, encoding);
    if (isPlausible(d.text)) consider(d);
  }
  if (!best) throw new DecodeError('not a text encoding we can read (tried UTF-8, GB18030 and Big5)');
  return withoutScore(best);
}
