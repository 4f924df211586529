// Word (.docx) import through mammoth, loaded only when a docx file is imported so the panel's
// first paint doesn't pay for it. Only the text is kept, one paragraph per line.
import { ImportRefused } from './import-error';

export async function docxToText(bytes: Uint8Array, notADocx: string): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const copy = bytes.slice();
  // The browser build reads `arrayBuffer`, the Node build (tests) reads `buffer`.
  const input = { arrayBuffer: copy.buffer, buffer: copy } as unknown as Parameters<typeof mammoth.extractRawText>[0];
  try {
    const { value } = await mammoth.extractRawText(input);
    return value.replace(/\n{2,}/g, '\n').trim();
  } catch {
    throw new ImportRefused(notADocx);
  }
}
