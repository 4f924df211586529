// Real texts from the shared data sets (../shared next to the repository), read at test time.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = fileURLToPath(new URL('../../../../shared/', import.meta.url));

export function seedFiles(): string[] {
  return readdirSync(`${SHARED_DIR}seeds`)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function readSeed(name: string): string {
  return readFileSync(`${SHARED_DIR}seeds/${name}`, 'utf8');
}

export function readSeedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SHARED_DIR}seeds/${name}`));
}

/** The Traditional seed (004). */
export const TRADITIONAL_SEED = '004_25e97af9508870d1.txt';

export interface ExternalDoc {
  source: string;
  file: string;
  body: string;
  script: string;
}

/** Every corpus-external document with the script its index.jsonl guessed. */
export function externalDocs(): ExternalDoc[] {
  const root = `${SHARED_DIR}corpus-external/`;
  const out: ExternalDoc[] = [];
  for (const source of readdirSync(root, { withFileTypes: true })) {
    if (!source.isDirectory()) continue;
    const dir = `${root}${source.name}/`;
    for (const line of readFileSync(`${dir}index.jsonl`, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const meta = JSON.parse(line) as { n: number; script: string };
      const file = `${String(meta.n).padStart(4, '0')}.txt`;
      const raw = readFileSync(`${dir}${file}`, 'utf8');
      const body = raw.slice(raw.indexOf('\n\n') + 2);
      out.push({ source: source.name, file, body, script: meta.script });
    }
  }
  return out;
}
