// Regenerates corpus/seeds/*.md from /work/shared/seeds (<repo>/../shared/seeds).
// Run: npx tsx scripts/import-seeds.ts
// The seeds are speeches scraped from template sites. Only site furniture is removed, by the rules
// below; the speech's own lines are kept as they are (trailing whitespace aside).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SHARED } from '../tests/fixtures/shared';
import { isJunkLine } from '../core/extract/junk';
import { serializeDocument } from '../core/corpus/front-matter';
import type { CorpusDoc, Script } from '../core/model/types';

const repo = new URL('..', import.meta.url);
const seedsDir = pathToFileURL(`${join(SHARED, 'seeds')}/`);
const outDir = new URL('corpus/seeds/', repo);

interface SeedMeta {
  file: string;
  /** The page title when the page gives one as a line; seed 001 only has it inside a junk sentence. */
  title?: string;
  date?: string;
  /** The speech's own place name; none when the page only names its level (全区/全市/全县), which is not a place. */
  place?: string;
  source: string;
  script: Script;
}

// Facts read from each page: the timestamp line (date), the site name in its footer/header (source),
// and the place the speech itself names (西宁作为省会城市); a bare level word (全区/全市/全县) is no place, so
// those seeds carry none (the corpus overview listed a place called 区).
const SEEDS: SeedMeta[] = [
  {
    file: '000_c5f98e3d9855bd8c',
    title: '市委动员会议讲话(区)',
    date: '2022-04-22',
    source: '范文网站（页面未署站名）',
    script: 'simplified',
  },
  { file: '001_580fba34ab55489b', date: '2023', source: '求精文档网', script: 'simplified' },
  {
    file: '002_576c2e6f06f9add2',
    title: '全市组织部长会议讲话',
    date: '2022-09-29',
    place: '西宁市',
    source: '范文网站（页面未署站名）',
    script: 'simplified',
  },
  {
    file: '003_f0052eeadbfa9f7c',
    title: '在组织部大讨论活动上的发言',
    source: '酷乐文行',
    script: 'simplified',
  },
  {
    file: '004_25e97af9508870d1',
    title: '機關黨建及爭優促進會講話',
    date: '2022-10-08',
    source: '范文网站（页面未署站名）',
    script: 'traditional',
  },
];

// "…下面是小编为大家整理的<title>,供大家参考。": the site's blurb, which names the article.
const TEASER_BLURB = /下面是小编为大家整理的(.+?)[,，]供大家参考。?$/;

/** Applies the cleaning rules; returns the title found and the cleaned body. */
export function cleanSeed(raw: string, pageTitle?: string): { title: string; body: string } {
  let lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let title = pageTitle;

  // Rule 1 (seed 001): the first line is a teaser — the speech's opening, cut off mid-word — glued to
  // the blurb that names the article. The teaser repeats the lines that follow, so the whole line
  // goes; the blurb gives the title. Checked: the teaser must be a prefix of the following text.
  const blurb = TEASER_BLURB.exec(lines[0]!.trim());
  if (blurb) {
    const teaser = lines[0]!.trim().slice(0, blurb.index);
    const following = lines.slice(1, 6).join('').replace(/\s/g, '');
    if (!following.startsWith(teaser.replace(/\s/g, ''))) throw new Error('teaser does not repeat the text');
    title ??= blurb[1]!.trim();
    lines = lines.slice(1);
  }
  if (!title) throw new Error('no title');

  // Rule 2: everything before the article's title line is site header (seed 003's ads, slogans,
  // member-group lines); the title line itself and its repeats are dropped (it is in front matter).
  const firstTitle = lines.findIndex((l) => l.trim() === title);
  if (firstTitle > 0) lines = lines.slice(firstTitle);
  // Rule 3: junk lines (timestamps, 导语 disclaimers, QQ, copyright/ICP footers) wherever they are,
  // and title repeats in the page head (before the first line that is neither title nor blank).
  const out: string[] = [];
  let inHead = true;
  for (const line of lines) {
    const t = line.trim();
    if (isJunkLine(line)) continue;
    if (inHead && (t === title || t === '')) continue;
    inHead = false;
    out.push(line.replace(/[ \t\u3000]+$/, ''));
  }
  // Rule 4: blank-line runs left by removed lines collapse to one; none at the ends.
  const body = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title, body };
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const s of SEEDS) {
    const raw = await readFile(new URL(`${s.file}.txt`, seedsDir), 'utf8');
    const { title, body } = cleanSeed(raw, s.title);
    const doc: CorpusDoc = {
      id: `seeds/${s.file}.md`,
      title,
      ...(s.date ? { date: s.date } : {}),
      ...(s.place ? { place: s.place } : {}),
      source: s.source,
      script: s.script,
      origin: 'bundled',
      body,
    };
    await writeFile(new URL(`${s.file}.md`, outDir), serializeDocument(doc));
    console.log(`${doc.id}\t${title}\t${body.length} chars`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
