// Recognises files that are not text at all, so the user hears "this is a PDF" instead of seeing
// mojibake. Magic numbers first (they name the format), then NUL bytes and control characters.

const MAGIC: ReadonlyArray<readonly [bytes: readonly number[], name: string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF'], // %PDF
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP'], // also docx/xlsx/pptx/epub/odt
  [[0x50, 0x4b, 0x05, 0x06], 'ZIP'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'Word/Excel 97–2003 (OLE)'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z'],
  [[0x42, 0x5a, 0x68], 'bzip2'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF'], // {\rtf: text, but not prose we can read
];

const OFFICE_ZIP: Record<string, string> = {
  docx: 'Word document (DOCX)',
  xlsx: 'Excel workbook (XLSX)',
  pptx: 'PowerPoint file (PPTX)',
  epub: 'EPUB book',
  odt: 'OpenDocument text (ODT)',
  wps: 'WPS document',
};

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function extension(fileName: string | undefined): string {
  const m = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  return m ? m[1]!.toLowerCase() : '';
}

/** The format name when the bytes start with a known binary signature. */
export function magicKind(bytes: Uint8Array, fileName?: string): string | undefined {
  for (const [magic, name] of MAGIC) {
    if (!startsWith(bytes, magic)) continue;
    if (name === 'ZIP') return OFFICE_ZIP[extension(fileName)] ?? 'ZIP archive';
    return name;
  }
  return undefined;
}

/** Why the bytes cannot be text (NUL bytes, control characters), else undefined.
 *  Call after the UTF-16 checks: UTF-16 text has NUL bytes. */
export function controlKind(bytes: Uint8Array): string | undefined {
  const sample = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'contains NUL bytes';
    // Tab, LF, FF, CR and ESC (ISO-2022) are legitimate in text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  if (sample > 0 && controls / sample > 0.05) return 'many control characters';
  return undefined;
}
