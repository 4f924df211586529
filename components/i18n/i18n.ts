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

// One rule for the panel, the hover card and the context menu (extension/ui-lang.ts).
export { detectLang } from '../../extension/ui-lang';

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: zhCN, setLang: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
