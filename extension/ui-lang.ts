// One interface language for everything the extension shows: the panel, the hover card on the
// page and the context-menu item all follow the browser's language (navigator.language), the way
// the panel always has. The hover card and the menu used to follow browser.i18n (the browser's UI
// locale) instead, which gave an English card beside a Chinese panel. The few strings shown
// outside the panel live here, small enough for the content script.
import type { ReportLang } from '../core/report/report-labels';
import { CARD_CSS } from './card-style';

export type Lang = ReportLang;

/** Traditional for Taiwan, Hong Kong, Macau and explicit Hant tags; English for English; else Simplified. */
export function detectLang(tag: string | undefined): Lang {
  const t = (tag ?? '').toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(t)) return 'zh-TW';
  if (t.startsWith('en')) return 'en';
  return 'zh-CN';
}

/** The language of the browser this runs in (panel, content script, background alike). */
export function browserLang(): Lang {
  return detectLang(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export interface PageStrings {
  similarity: string;
  /** Hover card: where a click leads. Firefox calls its panel a sidebar, and opens it only from its
   *  own UI: the context menu's "view this passage" or the shortcut (a click on a web page may not
   *  open it), which the card says; both open at the passage under the pointer. */
  open: string;
  /** A leftover's card: its heading (before the leftover's text), what the source had and the page uses elsewhere, and a
   *  placeholder's note (the panel's strings, components/i18n, say the same). */
  leftover: string;
  /** {0}: what the source had, {1}: what the page uses elsewhere. */
  had: string;
  placeholder: string;
  /** A 提法's card: its heading, and how many corpus documents hold the whole phrase (the panel's
   *  and lookup's count). */
  formula: string;
  /** {0}: the number of documents. */
  formulaDocs: string;
  /** The card's style sheet (plain data like the strings, sent for the same reason). */
  css: string;
}

/** A template's {0}, {1} filled in. */
export function fill(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** The strings shown on the page (plain data: the background sends them to the content script,
 *  so the three languages' strings are not bundled into it). */
export function pageStrings(lang: Lang, firefox: boolean): PageStrings {
  return { ...cardWords(lang, firefox), css: CARD_CSS };
}

function cardWords(lang: Lang, firefox: boolean): Omit<PageStrings, 'css'> {
  switch (lang) {
    case 'en':
      return {
        similarity: 'Similarity',
        open: firefox
          ? 'To compare: right-click › View this passage in the sidebar, or Alt+Shift+Y'
          : 'Compare in the side panel →',
        leftover: 'Leftover: ',
        had: 'The source wrote {0}; this page writes {1} elsewhere',
        placeholder: 'Unfilled template slot',
        formula: 'Boilerplate phrase',
        // A 提法 is one only when several documents hold it: n ≥ 2.
        formulaDocs: 'used by {0} speeches in the corpus',
      };
    case 'zh-TW':
      return {
        similarity: '相似度',
        open: firefox ? '按右鍵選「在側欄中檢視此段」或按 Alt+Shift+Y 檢視對照' : '在側邊面板中檢視對照 →',
        leftover: '遺留痕跡：',
        had: '來源寫作 {0}；本頁其他處寫作 {1}',
        placeholder: '未填寫的範本佔位符',
        formula: '套話提法',
        formulaDocs: '語料庫中 {0} 篇講話使用',
      };
    default:
      return {
        similarity: '相似度',
        open: firefox ? '右键选「在侧栏中查看此段」或按 Alt+Shift+Y 查看对照' : '在侧边栏中查看对照 →',
        leftover: '遗留痕迹：',
        had: '来源写作 {0}；本页其他处写作 {1}',
        placeholder: '未填写的模板占位符',
        formula: '套话提法',
        formulaDocs: '语料库中 {0} 篇讲话使用',
      };
  }
}

/** The context-menu item (the background's only: kept out of the content script's strings); %s is
 *  replaced by the browser with the selection. */
export function menuLookup(lang: Lang): string {
  if (lang === 'en') return 'Look up “%s” in the corpus';
  return lang === 'zh-TW' ? '在語料庫中查找「%s」' : '在语料库中查找「%s」';
}

/** The context-menu item over a marked passage (passage-menu.ts). Firefox calls its panel a
 *  sidebar, Chromium a side panel. */
export function menuViewPassage(lang: Lang, firefox: boolean): string {
  if (lang === 'en') return firefox ? 'View this passage in the sidebar' : 'View this passage in the side panel';
  if (lang === 'zh-TW') return firefox ? '在側欄中檢視此段' : '在側邊面板中檢視此段';
  return firefox ? '在侧栏中查看此段' : '在侧边栏中查看此段';
}

/** Built for Firefox (WXT sets import.meta.env.FIREFOX at build time; false in tests). */
export const IS_FIREFOX: boolean = Boolean((import.meta as { env?: { FIREFOX?: boolean } }).env?.FIREFOX);
