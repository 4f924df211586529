// The bundled corpus and user folders store one speech per file: optional front matter between
// `---` lines (`key: value`, one per line), then the body verbatim. Offsets into a document refer
// to the body, so parsing must never alter it beyond the framing described here.
import type { CorpusDoc, Script } from '../model/types';

/** Front-matter keys in the order they are written. `level` is accepted but not kept (no field).
 *  `url` and `captured` (a document's `capturedAt`) are written for pages saved from the web. */
export const FRONT_MATTER_KEYS = ['title', 'date', 'place', 'source', 'script', 'url', 'captured'] as const;
export const ALLOWED_FRONT_MATTER_KEYS: readonly string[] = [...FRONT_MATTER_KEYS, 'level'];

type MetaKey = (typeof FRONT_MATTER_KEYS)[number];

/** The document field each front-matter key fills. */
const FIELD = {
  title: 'title',
  date: 'date',
  place: 'place',
  source: 'source',
  script: 'script',
  url: 'url',
  captured: 'capturedAt',
} as const satisfies Record<MetaKey, keyof CorpusDoc>;

const SCRIPTS: readonly Script[] = ['simplified', 'traditional', 'mixed'];
const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/;

export interface FrontMatterBlock {
  /** Keys and values in file order (duplicates: last wins in `fields`). */
  entries: Array<[key: string, value: string]>;
  /** Offset in the (BOM-stripped) content where the body starts. */
  bodyStart: number;
}

/** Reads the front-matter block at the start of `content` (BOM already stripped), or null. */
export function readFrontMatter(content: string): FrontMatterBlock | null {
  const open = OPEN.exec(content);
  if (!open) return null;
  const entries: Array<[string, string]> = [];
  let pos = open[0].length;
  while (pos < content.length) {
    const nl = content.indexOf('\n', pos);
    const lineEnd = nl === -1 ? content.length : nl;
    const line = content.slice(pos, lineEnd).replace(/\r$/, '');
    const next = nl === -1 ? content.length : nl + 1;
    if (CLOSE.test(line)) {
      // One blank line after the block belongs to the framing (serializeDocument writes it).
      let bodyStart = next;
      if (content.startsWith('\r\n', bodyStart)) bodyStart += 2;
      else if (content.startsWith('\n', bodyStart)) bodyStart += 1;
      return { entries, bodyStart };
    }
    const m = /^([A-Za-z][\w-]*)\s*:\s?(.*)$/.exec(line);
    // A line that is not `key: value` means this was never front matter (e.g. a body starting with a rule).
    if (!m) {
      if (line.trim() === '') {
        pos = next;
        continue;
      }
      return null;
    }
    entries.push([m[1]!, m[2]!.trim()]);
    pos = next;
  }
  return null;
}

export function firstNonEmptyLine(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t) return t;
  }
  return '';
}

/**
 * Parses one corpus file. Without front matter the whole content (minus a BOM) is the body and the
 * title is its first non-empty line. With front matter, the body is what follows the block and its
 * one separating blank line, minus one final newline (the file's, not the text's).
 */
export function parseDocumentFile(
  id: string,
  content: string,
  origin: 'bundled' | 'user' = 'user',
): CorpusDoc {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const fm = readFrontMatter(text);
  if (!fm) {
    return { id, title: firstNonEmptyLine(text) || id, origin, body: text };
  }
  let body = text.slice(fm.bodyStart);
  if (body.endsWith('\n')) body = body.slice(0, -1);
  const fields = new Map(fm.entries);
  const doc: CorpusDoc = { id, title: fields.get('title') || firstNonEmptyLine(body) || id, origin, body };
  for (const key of ['date', 'place', 'source', 'url', 'captured'] as const) {
    const v = fields.get(key);
    if (v) doc[FIELD[key]] = v;
  }
  const script = fields.get('script');
  if (script && (SCRIPTS as readonly string[]).includes(script)) doc.script = script as Script;
  return doc;
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Writes a document in the canonical file form; parseDocumentFile reads it back unchanged. */
export function serializeDocument(doc: CorpusDoc): string {
  const lines = ['---'];
  for (const key of FRONT_MATTER_KEYS) {
    const v = doc[FIELD[key]];
    if (v !== undefined && v !== '') lines.push(`${key}: ${oneLine(v)}`);
  }
  lines.push('---', '');
  return lines.join('\n') + '\n' + doc.body + '\n';
}
