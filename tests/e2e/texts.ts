// Real texts for the generated pages: the bundled corpus (what the extension ships and must find)
// and the shared test data next to the repo (negatives, which must never light up).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export const sharedRoot = join(repoRoot, '..', 'shared');

export interface Text {
  file: string;
  title: string;
  body: string;
}

/** Splits front matter (`---` YAML block, or `key: value` lines up to a blank line) from the body. */
export function parseDoc(file: string, raw: string): Text {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let header = '';
  let body = text;
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (yaml) {
    header = yaml[1] ?? '';
    body = text.slice(yaml[0].length);
  } else if (/^[a-z_]+:/.test(text)) {
    const blank = text.indexOf('\n\n');
    header = blank < 0 ? text : text.slice(0, blank);
    body = blank < 0 ? '' : text.slice(blank + 2);
  }
  const title =
    /^title:\s*(.*)$/m
      .exec(header)?.[1]
      ?.replace(/^["']|["']$/g, '')
      .trim() ?? '';
  return { file, title, body: body.trim() };
}

function readDir(dir: string, ext: string): Text[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => parseDoc(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

const traditionalMarks = /[們這會個說為與來對從於實導體產經]/g;
const simplifiedMarks = /[们这会个说为与来对从于实导体产经]/g;
export function isSimplified(body: string): boolean {
  return (body.match(simplifiedMarks)?.length ?? 0) > 4 * (body.match(traditionalMarks)?.length ?? 0);
}

/** The bundled corpus: corpus/seeds/*.md and corpus/reports/*.md. Fails loudly when it is missing. */
export function bundled(kind: 'seeds' | 'reports'): Text[] {
  const docs = readDir(join(repoRoot, 'corpus', kind), '.md');
  if (docs.length === 0) throw new Error(`No bundled corpus in corpus/${kind}/*.md: the corpus is not built yet.`);
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

/** A news item that neither is nor quotes a speech (corpus-negative, speech_quote "none"). */
export function negativeNews(): Text {
  const index = readFileSync(join(sharedRoot, 'corpus-negative', 'index.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { kind: string; file: string; chars: number; speech_quote?: string });
  const pick = index
    .filter((d) => d.kind === 'news' && d.speech_quote === 'none' && d.chars >= 1000)
    .sort((a, b) => b.chars - a.chars)[0];
  if (!pick) throw new Error('No plain news item in corpus-negative.');
  const path = join(sharedRoot, 'corpus-negative', pick.file);
  return parseDoc(path, readFileSync(path, 'utf8'));
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
