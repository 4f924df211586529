// The report's own wording, in the three UI languages. It lives in core/report beside the report
// it words, so rendering a report needs nothing from the panel.
export type ReportLang = 'zh-CN' | 'zh-TW' | 'en';

export interface ReportLabels {
  title: string;
  generated: string;
  page: string;
  summary: string;
  reuse: string;
  speechLike: string;
  notSpeechLike: string;
  score: string;
  script: string;
  scripts: Record<'simplified' | 'traditional' | 'mixed', string>;
  passages: string;
  sources: string;
  rank: string;
  docTitle: string;
  date: string;
  place: string;
  similarity: string;
  /** Column of the sources table: share of the page the source's passages cover. */
  shareOfPage: string;
  reusedChars: string;
  fullText: string;
  fullTextNote: string;
  passageDetail: string;
  pageSide: string;
  docSide: string;
  legend: string;
  deleted: string;
  inserted: string;
  noPassages: string;
  boilerplate: string;
  docFreq: string;
  passageN: (n: number) => string;
  pageRange: (start: number, end: number) => string;
}

const zhCN: ReportLabels = {
  title: '溯源比对报告',
  generated: '生成时间',
  page: '比对页面',
  summary: '概要',
  reuse: '复用比例',
  speechLike: '讲话类文本',
  notSpeechLike: '非讲话类文本',
  score: '判定分数',
  script: '字形',
  scripts: { simplified: '简体', traditional: '繁体', mixed: '简繁混合' },
  passages: '复用段落',
  sources: '相似来源',
  rank: '序号',
  docTitle: '标题',
  date: '日期',
  place: '地点',
  similarity: '相似度',
  shareOfPage: '占本页',
  reusedChars: '复用字数',
  fullText: '全文标注',
  fullTextNote: '有颜色的文字与所标来源相同或相近；上标数字对应下方段落。',
  passageDetail: '段落比对',
  pageSide: '本页',
  docSide: '来源',
  legend: '图例',
  deleted: '仅见于来源',
  inserted: '仅见于本页',
  noPassages: '未发现复用段落。',
  boilerplate: '套话提法',
  docFreq: '使用文档数',
  passageN: (n) => `段落 ${n}`,
  pageRange: (s, e) => `本页第 ${s}–${e} 字`,
};

const zhTW: ReportLabels = {
  title: '溯源比對報告',
  generated: '生成時間',
  page: '比對頁面',
  summary: '概要',
  reuse: '複用比例',
  speechLike: '講話類文本',
  notSpeechLike: '非講話類文本',
  score: '判定分數',
  script: '字形',
  scripts: { simplified: '簡體', traditional: '繁體', mixed: '簡繁混合' },
  passages: '複用段落',
  sources: '相似來源',
  rank: '序號',
  docTitle: '標題',
  date: '日期',
  place: '地點',
  similarity: '相似度',
  shareOfPage: '占本頁',
  reusedChars: '複用字數',
  fullText: '全文標註',
  fullTextNote: '有顏色的文字與所標來源相同或相近；上標數字對應下方段落。',
  passageDetail: '段落比對',
  pageSide: '本頁',
  docSide: '來源',
  legend: '圖例',
  deleted: '僅見於來源',
  inserted: '僅見於本頁',
  noPassages: '未發現複用段落。',
  boilerplate: '套話提法',
  docFreq: '使用文件數',
  passageN: (n) => `段落 ${n}`,
  pageRange: (s, e) => `本頁第 ${s}–${e} 字`,
};

const en: ReportLabels = {
  title: 'Suyuan comparison report',
  generated: 'Generated',
  page: 'Page',
  summary: 'Summary',
  reuse: 'Reused',
  speechLike: 'Speech-like text',
  notSpeechLike: 'Not speech-like',
  score: 'score',
  script: 'Script',
  scripts: { simplified: 'Simplified', traditional: 'Traditional', mixed: 'Mixed' },
  passages: 'Reused passages',
  sources: 'Closest sources',
  rank: '#',
  docTitle: 'Title',
  date: 'Date',
  place: 'Place',
  similarity: 'Similarity',
  shareOfPage: 'Share of the page',
  reusedChars: 'Reused characters',
  fullText: 'Annotated text',
  fullTextNote: 'Coloured text matches the marked source; superscript numbers refer to the passages below.',
  passageDetail: 'Passages',
  pageSide: 'This page',
  docSide: 'Source',
  legend: 'Legend',
  deleted: 'only in the source',
  inserted: 'only on the page',
  noPassages: 'No reused passages found.',
  boilerplate: 'Formulaic phrases',
  docFreq: 'documents using it',
  passageN: (n) => `Passage ${n}`,
  pageRange: (s, e) => `page characters ${s}–${e}`,
};

export const REPORT_LABELS: Record<ReportLang, ReportLabels> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
