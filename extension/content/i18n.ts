import { browser } from 'wxt/browser';

/** A _locales message, or `fallback` where i18n is unavailable (tests, some pages' worlds). */
export function t(key: string, fallback: string, subs?: string[]): string {
  try {
    return (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || fallback;
  } catch {
    return fallback;
  }
}
