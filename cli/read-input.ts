// One FILE argument turned into the text the engine analyses: decoded bytes for .txt/.md, the
// extracted main text for HTML. Every way a file can be unusable becomes an InputError whose message
// says why, so the CLI can report it and go on with the other files.
import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../core/decode/decode';
import { extractFromHtml } from '../core/extract/from-html';

export class InputError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}

export interface InputText {
  file: string;
  /** The text analysed: offsets in the output refer to it. */
  text: string;
  /** The page title for HTML; undefined for plain text. */
  title?: string;
  /** HTML meta tags and canonical address, for the page's own date. */
  meta?: Record<string, string>;
  url?: string;
  encoding: string;
  kind: 'text' | 'html';
}

const HTML_NAME = /\.(html?|xhtml)$/i;
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>])/i;

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** NUL bytes never occur in text files outside UTF-16/32, so they mark a binary file. */
function looksBinary(b: Uint8Array): boolean {
  if (hasUtf16Bom(b)) return false;
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return e instanceof Error ? e.message : String(err);
  }
}

export async function readInput(file: string): Promise<InputText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(file, `cannot read: ${reasonOf(err)}`);
  }
  if (bytes.length === 0) throw new InputError(file, 'empty file');
  if (looksBinary(bytes)) throw new InputError(file, 'binary file (contains NUL bytes), not text or HTML');
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeBytes(bytes, { fileName: file });
  } catch (err) {
    throw new InputError(file, `cannot decode: ${err instanceof Error ? err.message : String(err)}`);
  }
  const isHtml = HTML_NAME.test(file) || HTML_START.test(decoded.text.slice(0, 1024));
  if (!isHtml) {
    if (decoded.text.trim() === '') throw new InputError(file, 'no text (only whitespace)');
    return { file, text: decoded.text, encoding: decoded.encoding, kind: 'text' };
  }
  const { title, text, meta, url } = extractFromHtml(decoded.text);
  if (text.trim() === '') throw new InputError(file, 'no main text found in the HTML page');
  return { file, text, title, meta, url, encoding: decoded.encoding, kind: 'html' };
}
