// Real texts for the generated pages: the bundled corpus (what the extension ships and must find)
// and non-speech texts written for the tests (which must never light up), both from the one
// fixtures module.
import { bundledDocs, reports, seeds, texts } from '../fixtures/corpus';

export interface Text {
  file: string;
  title: string;
  body: string;
}

const asText = (d: { id: string; title: string; body: string }): Text => ({ file: d.id, title: d.title, body: d.body });

const traditionalMarks = /[們這會個說為與來對從於實導體產經]/g;
const simplifiedMarks = /[们这会个说为与来对从于实导体产经]/g;
export function isSimplified(body: string): boolean {
  return (body.match(simplifiedMarks)?.length ?? 0) > 4 * (body.match(traditionalMarks)?.length ?? 0);
}

/** The bundled corpus: corpus/seeds/*.md, corpus/reports/*.md, or every bundled document. Fails loudly when it is missing. */
export function bundled(kind?: 'seeds' | 'reports'): Text[] {
  const docs = (kind === 'seeds' ? seeds() : kind === 'reports' ? reports() : bundledDocs()).map(asText);
  if (docs.length === 0) throw new Error(`No bundled corpus in corpus/${kind ?? ''}: the corpus is not built yet.`);
  return docs;
}

/** A bundled Simplified seed speech of useful length: the one the speech page copies. */
export function seedSpeech(index = 0): Text {
  const usable = bundled('seeds').filter((d) => d.body.length >= 3000 && isSimplified(d.body));
  const doc = usable[index % Math.max(usable.length, 1)];
  if (!doc) throw new Error('No Simplified seed speech of 3,000+ characters in corpus/seeds.');
  return doc;
}

/** A bundled Simplified government work report (cn-gov-work-reports), by position among recent ones. */
export function report(index = 0): Text {
  const usable = bundled('reports').filter((d) => d.body.length >= 5000 && isSimplified(d.body));
  const doc = usable[usable.length - 1 - (index % Math.max(usable.length, 1))];
  if (!doc) throw new Error('No Simplified report of 5,000+ characters in corpus/reports.');
  return doc;
}

/** A news item that neither is nor quotes a speech, of 1,000+ characters (tests/fixtures/texts/news). */
export function negativeNews(): Text {
  const pick = texts('news')
    .filter((d) => d.body.length >= 1000)
    .sort((a, b) => b.body.length - a.body.length)[0];
  if (!pick) throw new Error('No plain news item of 1,000+ characters in tests/fixtures/texts/news.');
  return asText(pick);
}

/** Cuts a body to about `chars` characters at a paragraph end. */
export function excerpt(body: string, chars: number, from = 0): string {
  const paragraphs = body
    .slice(from)
    .split('\n')
    .filter((p) => p.trim());
  const out: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length >= chars) break;
    out.push(p.trim());
    length += p.length;
  }
  return out.join('\n');
}
