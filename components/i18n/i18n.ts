// Interface language: follows the browser unless the user picks one in the header.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReportLang } from '../../core/report/report-labels';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';
import { zhTW } from './zh-TW';

export type { Messages } from './zh-CN';
export type Lang = ReportLang;

export const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
export const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/** Traditional for Taiwan, Hong Kong, Macau and explicit Hant tags; English for English; else Simplified. */
export function detectLang(tag: string | undefined): Lang {
  const t = (tag ?? '').toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(t)) return 'zh-TW';
  if (t.startsWith('en')) return 'en';
  return 'zh-CN';
}

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: zhCN, setLang: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
