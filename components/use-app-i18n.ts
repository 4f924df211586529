// The panel's UI language: chosen once from storage or the browser, switched from the header, and
// remembered. Kept out of App so the panel's layout reads without the storage details.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { detectLang, MESSAGES, type Lang } from './i18n/i18n';

const LANG_KEY = 'suyuan.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && saved in MESSAGES) return saved as Lang;
  } catch {
    // storage can be unavailable (private mode, tests): fall back to the browser language
  }
  return detectLang(typeof navigator === 'undefined' ? undefined : navigator.language);
}

/** The value for I18nContext; `start` wins over the saved choice (tests and embedders pass it). */
export function useAppI18n(start: Lang | undefined) {
  const [lang, setLangState] = useState<Lang>(start ?? initialLang);
  const i18n = useMemo(
    () => ({
      lang,
      t: MESSAGES[lang],
      setLang: (l: Lang) => {
        setLangState(l);
        try {
          localStorage.setItem(LANG_KEY, l);
        } catch {
          // not persisted; the switch still applies to this session
        }
      },
    }),
    [lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return i18n;
}
