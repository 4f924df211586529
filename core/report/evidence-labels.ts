// The report's wording for the evidence sections (leftovers, timeline, the page-older warning), in
// the three UI languages; kept beside report-labels.ts so each file stays one screen.
import type { SlotKind } from '../evidence/leftover-groups';
import type { LeftoverKind } from '../model/types';
import type { ReportLang } from './report-labels';

export interface EvidenceLabels {
  leftovers: string;
  leftoversNote: string;
  noLeftovers: string;
  kinds: Record<LeftoverKind, string>;
  slots: Record<SlotKind, string>;
  particular: string;
  kind: string;
  times: string;
  why: string;
  where: string;
  slotWhy: string;
  evidence: (had: string, uses: string) => string;
  pageFacts: (date: string, place: string) => string;
  pageOlder: string;
  pageOlderDetail: (title: string, srcDate: string, pageDate: string) => string;
  timeline: string;
  timelineNote: string;
  undated: string;
  thisPage: string;
  role: string;
  origin: string;
  source: string;
  holds: string;
}

const zhCN: EvidenceLabels = {
  leftovers: '遗留痕迹',
  leftoversNote: '复用文字中仍带着来源自己的地名、人名、机构、年份，或未填写的模板占位符：抄写者忘了改的内容。',
  noLeftovers: '未发现遗留痕迹。',
  kinds: { place: '地名', person: '人名', organisation: '机构', date: '日期', placeholder: '占位符' },
  slots: { name: '姓名空位', date: '日期空位', mark: '占位符' },
  particular: '内容',
  kind: '类别',
  times: '处数',
  why: '依据',
  where: '本页位置（字）',
  slotWhy: '未填写的模板占位符',
  evidence: (had, uses) => `来源写作 ${had}；本页其他处写作 ${uses}`,
  pageFacts: (date, place) => `本页日期 ${date} · 地点 ${place}`,
  pageOlder: '本页早于该来源：可能是原稿',
  pageOlderDetail: (title, srcDate, pageDate) => `本页日期 ${pageDate}，最接近的来源《${title}》日期 ${srcDate}。`,
  timeline: '时间线',
  timelineNote: '本页与其复用段落的每个持有者，按日期排列；无日期的另列。',
  undated: '无日期',
  thisPage: '本页',
  role: '角色',
  origin: '最早',
  source: '来源',
  holds: '含段落数',
};

const zhTW: EvidenceLabels = {
  leftovers: '遺留痕跡',
  leftoversNote: '複用文字中仍帶著來源自己的地名、人名、機構、年份，或未填寫的範本佔位符：抄寫者忘了改的內容。',
  noLeftovers: '未發現遺留痕跡。',
  kinds: { place: '地名', person: '人名', organisation: '機構', date: '日期', placeholder: '佔位符' },
  slots: { name: '姓名空位', date: '日期空位', mark: '佔位符' },
  particular: '內容',
  kind: '類別',
  times: '處數',
  why: '依據',
  where: '本頁位置（字）',
  slotWhy: '未填寫的範本佔位符',
  evidence: (had, uses) => `來源寫作 ${had}；本頁其他處寫作 ${uses}`,
  pageFacts: (date, place) => `本頁日期 ${date} · 地點 ${place}`,
  pageOlder: '本頁早於該來源：可能是原稿',
  pageOlderDetail: (title, srcDate, pageDate) => `本頁日期 ${pageDate}，最接近的來源《${title}》日期 ${srcDate}。`,
  timeline: '時間線',
  timelineNote: '本頁與其複用段落的每個持有者，按日期排列；無日期的另列。',
  undated: '無日期',
  thisPage: '本頁',
  role: '角色',
  origin: '最早',
  source: '來源',
  holds: '含段落數',
};

const en: EvidenceLabels = {
  leftovers: 'Leftovers',
  leftoversNote:
    "Reused text that still carries the source's own places, names, bodies or years, and unfilled template slots: what the copier forgot to change.",
  noLeftovers: 'No leftovers found.',
  kinds: { place: 'place', person: 'person', organisation: 'organisation', date: 'date', placeholder: 'placeholder' },
  slots: { name: 'name slot', date: 'date slot', mark: 'placeholder' },
  particular: 'Text',
  kind: 'Kind',
  times: 'Times',
  why: 'Evidence',
  where: 'Page characters',
  slotWhy: 'Unfilled template slot',
  evidence: (had, uses) => `The source wrote ${had}; this page writes ${uses} elsewhere`,
  pageFacts: (date, place) => `Page date ${date} · place ${place}`,
  pageOlder: 'This page is older than that source: it may be the original',
  pageOlderDetail: (title, srcDate, pageDate) =>
    `This page is dated ${pageDate}; its closest source, “${title}”, ${srcDate}.`,
  timeline: 'Timeline',
  timelineNote: 'This page and every document holding its reused passages, by date; undated ones apart.',
  undated: 'Undated',
  thisPage: 'This page',
  role: 'Role',
  origin: 'earliest',
  source: 'source',
  holds: 'Passages held',
};

export const EVIDENCE_LABELS: Record<ReportLang, EvidenceLabels> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
