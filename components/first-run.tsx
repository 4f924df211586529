// The first-run choice: keep pages as you read, or not. Offered once, plainly, above the views,
// saying where the pages go (this browser only); either answer is remembered (welcomeDone).
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/model/settings';
import { errorText } from './format';
import { useI18n } from './i18n/i18n';
import { useService } from './service-context';

export function FirstRun() {
  const { t } = useI18n();
  const service = useService();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.resolve(service.getSettings()).then(
      (s) => setSettings(s ?? null),
      () => setSettings(null),
    );
  }, [service]);
  if (!settings || settings.welcomeDone) return null;
  const choose = (keepPages: boolean) =>
    service.setSettings({ keepPages, welcomeDone: true }).then(setSettings, (e: unknown) => setError(errorText(e)));
  return (
    <section class="first-run" aria-labelledby="sy-welcome-title">
      <h2 id="sy-welcome-title">{t.welcomeTitle}</h2>
      <p>{t.welcomeText}</p>
      <p class="privacy">{t.welcomePrivacy}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void choose(true)}>
          {t.welcomeKeep}
        </button>
        <button type="button" onClick={() => void choose(false)}>
          {t.welcomeSkip}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {t.errorPrefix + error}
        </p>
      )}
    </section>
  );
}
