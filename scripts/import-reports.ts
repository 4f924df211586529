// Regenerates corpus/reports/*.md from <repo>/../shared/corpus-external/cn-gov-work-reports, the
// only external source that may ship (PRC official documents, public domain; see its README).
// Run: npx tsx scripts/import-reports.ts
import { externalSource, readIndexRows, readSourceFile, sourceBody, writeCorpusDocs } from './lib/corpus-import';
import type { CorpusDoc, Script } from '../core/model/types';

const repo = new URL('..', import.meta.url);
const srcDir = externalSource('cn-gov-work-reports');
const outDir = new URL('corpus/reports/', repo);

interface IndexRow {
  n: number;
  title: string;
  script: Script;
  kind: string;
  year?: string | null;
  congress?: number;
  url: string;
}

// Years of the national party congresses whose reports are in the source.
const CONGRESS_YEAR: Record<number, string> = {
  1: '1921',
  3: '1923',
  9: '1969',
  10: '1973',
  11: '1977',
  12: '1982',
  13: '1987',
  14: '1992',
  15: '1997',
  16: '2002',
  17: '2007',
  18: '2012',
  19: '2017',
  20: '2022',
};

/** File name (the stable id) for one source row. */
export function reportFileName(row: IndexRow): string {
  if (row.congress !== undefined) {
    const base = `cpc-${String(row.congress).padStart(2, '0')}`;
    // The 1st congress has two local reports; tell them apart by city.
    if (row.title.includes('北京')) return `${base}-beijing.md`;
    if (row.title.includes('廣州') || row.title.includes('广州')) return `${base}-guangzhou.md`;
    return `${base}.md`;
  }
  if (row.year) return `gwr-${row.year}.md`;
  // The one undated row: the NPC resolution on the work report of the 2nd NPC's 3rd session (1960).
  if (row.title.startsWith('第二届全国人民代表大会第三次会议')) return 'npc-1960-resolution.md';
  throw new Error(`no file name for row ${row.n}`);
}

function rowDate(row: IndexRow): string | undefined {
  if (row.congress !== undefined) return CONGRESS_YEAR[row.congress];
  if (row.year) return row.year;
  if (row.title.startsWith('第二届全国人民代表大会第三次会议')) return '1960';
  return undefined;
}

async function main(): Promise<void> {
  const rows = await readIndexRows<IndexRow>(srcDir);
  const docs: CorpusDoc[] = [];
  for (const row of rows) {
    const date = rowDate(row);
    docs.push({
      id: `reports/${reportFileName(row)}`,
      title: row.title,
      ...(date ? { date } : {}),
      place: '全国',
      source: `zh.wikisource ${row.url}`,
      script: row.script,
      origin: 'bundled',
      body: sourceBody(await readSourceFile(srcDir, row.n)),
    });
  }
  await writeCorpusDocs(outDir, docs);
  console.log(`${rows.length} reports written to corpus/reports/`);
}

await main();
