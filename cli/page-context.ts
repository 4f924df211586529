// What the CLI knows about a FILE besides its text: the HTML page's title, meta tags and address,
// a text file's front matter (date, place), and whether the file is itself a document of the corpus
// folder (then it is never compared with itself).
import path from 'node:path';
import { readFrontMatter } from '../core/corpus/front-matter';
import type { MatchOptions } from '../core/model/types';
import type { InputText } from './read-input';

export function pageOptions(input: InputText, corpusDir: string): Pick<MatchOptions, 'page' | 'exclude'> {
  const fm = input.kind === 'text' ? readFrontMatter(input.text.replace(/^\uFEFF/, '')) : null;
  const field = (k: string) => fm?.entries.filter(([key]) => key === k).pop()?.[1];
  const rel = path.relative(corpusDir, path.resolve(input.file));
  const inCorpus = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return {
    page: {
      title: input.title,
      url: input.url,
      meta: input.meta,
      frontMatter: fm ? { date: field('date'), place: field('place') } : undefined,
    },
    exclude: inCorpus ? [rel.split(path.sep).join('/')] : [],
  };
}
