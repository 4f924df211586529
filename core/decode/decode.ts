// Bytes of a user's file or a fetched page → text, with only TextDecoder (browsers and Node ≥ 20
// with full ICU). Order: BOM, BOM-less UTF-16, declared charset (Content-Type, then <meta>), valid
// UTF-8, then the better-reading of GB18030, Big5 (and UTF-16 for pure-Han text).
// Unreadable input throws DecodeError with a plain message.
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
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  if (bytes.subarray(0, 8192).indexOf(0) < 0) return undefined;
  let best: (Decoded & { score: number }) | undefined;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(bytes, encoding);
    // eslint-disable-next-line no-control-regex -- control characters are what marks the wrong byte order
    if (text === undefined || !isPlausible(text) || /[\u0001-\u0008\u000e-\u001f]/.test(text)) continue;
    const score = chineseScore(text).score;
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return best && { text: best.text, encoding: best.encoding };
}

/** Single-byte Western labels are a classic wrong declaration on Chinese pages: they never fail. */
const WESTERN = new Set(['windows-1252', 'iso-8859-2', 'iso-8859-15']);

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw new DecodeError('file is empty');

  const bom = bomEncoding(bytes);
  if (bom) {
    // TextDecoder drops the BOM itself (ignoreBOM: false).
    const text = new TextDecoder(bom).decode(bytes);
    if (text.length === 0) throw new DecodeError('file is empty');
    return { text, encoding: bom };
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

  let best: { text: string; encoding: string; score: number } | undefined;
  // UTF-16 text with no ASCII at all has no NUL bytes either; it competes on the same score.
  const candidates = bytes.length % 2 === 0 ? ['gb18030', 'big5', 'utf-16le', 'utf-16be'] : ['gb18030', 'big5'];
  for (const encoding of candidates) {
    const text = new TextDecoder(encoding).decode(bytes);
    if (!isPlausible(text)) continue;
    const score = chineseScore(text).score;
    if (!best || score > best.score) best = { text, encoding, score };
  }
  if (!best) throw new DecodeError('not a text encoding we can read (tried UTF-8, GB18030 and Big5)');
  return { text: best.text, encoding: best.encoding };
}
