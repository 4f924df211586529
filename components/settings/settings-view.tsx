// Settings, opened from the gear in the header. Each setting is saved on its own as soon as it is
// committed, with its own "saved" or error line; nothing waits for a global Save button.
import { useEffect, useRef } from 'preact/hooks';
import { EmptyState } from '../empty-state';
import { useI18n } from '../i18n/i18n';
import { useService } from '../service-context';
import { ResetDefaults } from './reset-defaults';
import { SettingsFields } from './settings-fields';
import { useSettings } from './use-settings';

export function SettingsView(props: { pageHost: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const service = useService();
  const { settings, loadError, save, statusOf } = useSettings(service);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [service]);

  return (
    <section class="settings" aria-labelledby="sy-settings-title">
      <div class="reader-bar">
        <button type="button" onClick={props.onClose}>
          ← {t.back}
        </button>
      </div>
      <h2 id="sy-settings-title" tabIndex={-1} ref={heading}>
        {t.settings}
      </h2>
      {loadError && <EmptyState role="alert">{t.errorPrefix + loadError}</EmptyState>}
      {!settings && !loadError && <EmptyState>{t.loading}</EmptyState>}
      {settings && (
        <>
          <SettingsFields settings={settings} pageHost={props.pageHost} save={save} statusOf={statusOf} />
          <ResetDefaults save={save} statusOf={statusOf} />
        </>
      )}
    </section>
  );
}
