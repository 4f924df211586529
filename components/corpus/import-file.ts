// Turns one imported file into a new corpus speech, or a reason a person can read. Bytes are
// decoded by the shared decoder (GB18030, Big5, UTF-16… and binary detection); HTML goes
// through the same main-text extraction as web pages.
import { parseDocumentFile, readFrontMatter } from '../../core/corpus/front-matter';
import { decodeBytes } from '../../core/decode/decode';
import { extractFromHtml } from '../../core/extract/from-html';
import type { NewDoc } from '../../core/model/page';
import type { Messages } from '../i18n/i18n';

export { ImportRefused } from './import-error';
import { ImportRefused } from './import-error';
import { docxToText } from './import-docx';

const HTML = /\.html?$/i;
const FRONT_MATTER_KEY = /^(title|date|place|source):\s*(.*)$/;

/** One file read: the speech, and how many invalid bytes were replaced (a warning, not a refusal). */
export interface FileDoc {
  doc: NewDoc;
  replaced?: number;
}

export async function fileToDoc(name: string, bytes: Uint8Array, t: Messages): Promise<FileDoc> {
  // Old binary Word files (.doc) have no maintained reader that runs in the browser.
  if (/\.doc$/i.test(name)) throw new ImportRefused(t.docUnsupported);
  let doc: NewDoc;
  let replaced: number | undefined;
  if (/\.docx$/i.test(name)) doc = fromPlainText(await docxToText(bytes, t.notADocx));
  else {
    // The same decoder as the CLI: a few bad bytes become U+FFFD and are counted.
    const decoded = decodeBytes(bytes, { fileName: name });
    replaced = decoded.replaced;
    doc = HTML.test(name) ? fromHtml(decoded.text) : fromPlainText(decoded.text);
  }
  if (!doc.body.trim()) throw new ImportRefused(t.emptyText);
  if (!doc.title.trim()) doc.title = name.replace(/\.[^.]+$/, '');
  return replaced ? { doc, replaced } : { doc };
}

function fromHtml(html: string): NewDoc {
  const { title, text } = extractFromHtml(html);
  return { title, body: text };
}

/** `key: value` front matter (the corpus file format) if present; else the first short line is the title. */
export function fromPlainText(text: string): NewDoc {
  // A corpus file with a `---` block reads exactly as `suyuan --corpus` reads it.
  if (readFrontMatter(text.replace(/^\uFEFF/, ''))) {
    const { title, body, date, place, source } = parseDocumentFile('', text);
    return { title: title.trim(), body: body.trim(), ...(date ? { date } : {}), ...(place ? { place } : {}), ...(source ? { source } : {}) };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const doc: NewDoc = { title: '', body: '' };
  let i = 0;
  if (FRONT_MATTER_KEY.test(lines[0] ?? '')) {
    for (; i < lines.length; i++) {
      const m = FRONT_MATTER_KEY.exec(lines[i]!);
      if (!m) break;
      doc[m[1] as 'title' | 'date' | 'place' | 'source'] = m[2]!.trim();
    }
    if (lines[i]?.trim() === '') i++;
  }
  doc.body = lines.slice(i).join('\n').trim();
  if (!doc.title) {
    const first = doc.body.split('\n').find((l) => l.trim())?.trim() ?? '';
    doc.title = first.length <= 60 ? first.replace(/^#+\s*/, '') : '';
  }
  return doc;
}
