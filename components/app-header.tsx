// The panel's header: its name, the language switch and the settings gear. Split out of App so the
// gear's icon markup does not hide the panel's layout.
import type { Ref } from 'preact';
import { LANG_NAMES, useI18n, type Lang } from './i18n/i18n';

export function AppHeader(props: {
  settingsOpen: boolean;
  gear: Ref<HTMLButtonElement>;
  onToggleSettings: (open: boolean) => void;
}) {
  const { t, lang, setLang } = useI18n();
  return (
    <header class="app-header">
      <h1>{t.appName}</h1>
      <div class="header-tools">
        <select aria-label={t.language} value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
          {(Object.keys(LANG_NAMES) as Lang[]).map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
        <button
          type="button"
          ref={props.gear}
          class="icon-button"
          aria-label={t.settings}
          title={t.settings}
          aria-pressed={props.settingsOpen}
          onClick={() => props.onToggleSettings(!props.settingsOpen)}
        >
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M19.4 13a7.8 7.8 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1l-.4-2.7h-4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L4.6 11a7.8 7.8 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.6 7.6 0 0 0 1.7 1l.4 2.7h4l.4-2.7a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.5L19.4 13zM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
            />
          </svg>
        </button>
      </div>
    </header>
  );
}
