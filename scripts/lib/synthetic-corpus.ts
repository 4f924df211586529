// Synthetic corpora for the engine benchmark: speeches of about 5,000 characters spliced from
// paragraphs of the real texts in /work/shared, with a fixed seed, so a 10,000-speech corpus has
// realistic vocabulary, formula and cross-document sharing.
import type { CorpusDoc } from '../../core/model/types';
import type { Rng } from '../../tests/fixtures/rng';

export function paragraphPool(docs: CorpusDoc[]): string[] {
  const out: string[] = [];
  for (const d of docs)
    for (const p of d.body.split('\n')) {
      const t = p.trim();
      if (t.length >= 20) out.push(t.length > 1500 ? t.slice(0, 1500) : t);
    }
  return out;
}

export function splicedDoc(r: Rng, pool: string[], target: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < target) {
    const p = r.pick(pool);
    parts.push(p);
    len += p.length + 1;
  }
  return parts.join('\n');
}

export function syntheticCorpus(r: Rng, pool: string[], size: number, chars = 5000): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < size; i++)
    docs.push({
      id: `syn/${String(i).padStart(5, '0')}`,
      title: `合成讲话 ${i}`,
      body: splicedDoc(r, pool, chars),
      origin: 'user',
    });
  return docs;
}
