// One FILE argument turned into the text the engine analyses: decoded bytes for .txt/.md, the
// extracted main text for HTML. Every way a file can be unusable becomes an InputError whose message
// says why, so the CLI can report it and go on with the other files.
import { readFile } from 'node:fs/promises';
import { decodeBytes, decodeWarning } from '../core/decode/decode';
import { extractFromHtml } from '../core/extract/from-html';
import { fsReason } from './fs-reason';

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
  /** Set when the file was read with a few invalid bytes replaced (said on stderr, not fatal). */
  warning?: string;
}

const HTML_NAME = /\.(html?|xhtml)$/i;
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>])/i;

export async function readInput(file: string): Promise<InputText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(file, `cannot read: ${fsReason(err)}`);
  }
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    // The shared decoder names empty files, binary formats (PDF, PNG, ZIP, OLE…) and BOM-less UTF-16.
    decoded = decodeBytes(bytes, { fileName: file });
  } catch (err) {
    throw new InputError(file, err instanceof Error ? err.message : String(err));
  }
  const warning = decodeWarning(decoded);
  const extra = warning ? { warning } : {};
  const isHtml = HTML_NAME.test(file) || HTML_START.test(decoded.text.slice(0, 1024));
  if (!isHtml) {
    if (decoded.text.trim() === '') throw new InputError(file, 'no text (only whitespace)');
    return { file, text: decoded.text, encoding: decoded.encoding, kind: 'text', ...extra };
  }
  const { title, text, meta, url } = extractFromHtml(decoded.text);
  if (text.trim() === '') throw new InputError(file, 'no main text found in the HTML page');
  return { file, text, title, meta, url, encoding: decoded.encoding, kind: 'html', ...extra };
}
