// Regenerates corpus/provincial/*.md from <repo>/../shared/corpus-external/cn-provincial-gwr-2026:
// the 31 provincial government work reports of 2026 (PRC official documents, outside copyright
// under Art. 5; that source may be bundled, see corpus-external/README.md).
// Run: npx tsx scripts/import-provincial.ts
// The source text was captured from newspaper pages. The report proper starts at its salutation
// (各位代表), as the national reports in corpus/reports/ do; everything above it is the page's
// masthead, byline, photo caption and navigation. The delivery date is read from the masthead's
// subtitle (——2026年1月27日在…人民代表大会…上). Words the pages had made into links were cut onto
// lines of their own (“双向\n揭榜\n挂帅”, PM\n2.5\n年平均浓度); those lines are joined back.
import {
  externalSource,
  readIndexRows,
  readSourceFile,
  sourceBody,
  tidyBody,
  writeCorpusDocs,
} from './lib/corpus-import';
import type { CorpusDoc, Script } from '../core/model/types';

const srcDir = externalSource('cn-provincial-gwr-2026');
const outDir = new URL('../corpus/provincial/', import.meta.url);

interface IndexRow {
  n: number;
  title: string;
  source: string;
  script: Script;
  province: string;
  publish_date: string;
}

/** File names (stable ids) by province: pinyin, the usual short form. */
export const PROVINCE_SLUG: Record<string, string> = {
  北京市: 'beijing',
  天津市: 'tianjin',
  河北省: 'hebei',
  山西省: 'shanxi',
  内蒙古自治区: 'neimenggu',
  辽宁省: 'liaoning',
  吉林省: 'jilin',
  黑龙江省: 'heilongjiang',
  上海市: 'shanghai',
  江苏省: 'jiangsu',
  浙江省: 'zhejiang',
  安徽省: 'anhui',
  福建省: 'fujian',
  江西省: 'jiangxi',
  山东省: 'shandong',
  河南省: 'henan',
  湖北省: 'hubei',
  湖南省: 'hunan',
  广东省: 'guangdong',
  广西壮族自治区: 'guangxi',
  海南省: 'hainan',
  重庆市: 'chongqing',
  四川省: 'sichuan',
  贵州省: 'guizhou',
  云南省: 'yunnan',
  西藏自治区: 'xizang',
  陕西省: 'shaanxi',
  甘肃省: 'gansu',
  青海省: 'qinghai',
  宁夏回族自治区: 'ningxia',
  新疆维吾尔自治区: 'xinjiang',
};

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二六 → 2026 (digit by digit), 二十七 → 27, 十 → 10; Arabic digits pass through. */
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGIT[c] ?? NaN).join(''));
  const [tens, ones] = s.split('十') as [string, string];
  return (tens ? (CN_DIGIT[tens] ?? NaN) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? NaN) : 0);
}

const DELIVERED =
  /([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日在/;

/** The day the report was delivered, from the masthead above the salutation (YYYY-MM-DD). */
export function deliveryDate(masthead: string): string | null {
  const m = DELIVERED.exec(masthead);
  if (!m) return null;
  const [y, mo, d] = [cnNumber(m[1]!), cnNumber(m[2]!), cnNumber(m[3]!)];
  if (![y, mo, d].every(Number.isFinite)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Short lines that are real headings of the reports' appendices, not link fragments.
const HEADINGS = new Set(['附件', '注释', '名词解释']);
const OPENING_ONLY = /^[（(［[]$/;

/** Joins the lines that link markup had cut off (see the header comment). */
export function joinFragments(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (OPENING_ONLY.test(line) && next !== undefined) {
      out.push(line + next);
      i++;
    } else if (line.length <= 6 && line.trim() && !HEADINGS.has(line) && out.length > 0) {
      out[out.length - 1] += line + (next ?? '');
      i++;
    } else out.push(line);
  }
  return out;
}

/** The report proper: from the salutation on, fragments joined. */
export function reportBody(sourceText: string): { masthead: string; body: string } {
  const lines = sourceText.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('各位代表'));
  if (start < 0) throw new Error('no salutation (各位代表) found');
  return {
    masthead: lines.slice(0, start).join('\n'),
    body: tidyBody(joinFragments(lines.slice(start).map((l) => l.trim())).join('\n')),
  };
}

/** The newspaper the page named (来源：解放日报), if it did. */
function newspaper(masthead: string): string | null {
  return /来源[:：]\s*(\S+)/.exec(masthead)?.[1] ?? /^(\S+日报)/m.exec(masthead)?.[1] ?? null;
}

async function main(): Promise<void> {
  const rows = await readIndexRows<IndexRow>(srcDir);
  const docs: CorpusDoc[] = [];
  for (const row of rows) {
    const slug = PROVINCE_SLUG[row.province];
    if (!slug) throw new Error(`no file name for province ${row.province}`);
    const { masthead, body } = reportBody(sourceBody(await readSourceFile(srcDir, row.n)));
    const paper = newspaper(masthead);
    docs.push({
      id: `provincial/gwr-2026-${slug}.md`,
      title: row.title,
      date: deliveryDate(masthead) ?? row.publish_date,
      place: row.province,
      source: `${paper ? `${paper}, via ` : ''}${row.source}`,
      script: row.script,
      origin: 'bundled',
      body,
    });
  }
  await writeCorpusDocs(outDir, docs);
  console.log(`${docs.length} provincial reports written to corpus/provincial/`);
}

await main();
