// Keep pages as you read: the switch (off by default, saying the pages stay in this browser) and
// the sites whose pages are never kept.
import type { Settings } from '../../core/model/settings';
import { useI18n } from '../i18n/i18n';
import { FieldStatus, type SaveState } from './field-status';
import { SiteList } from './site-list';

export function KeepPagesSettings(props: {
  settings: Settings;
  pageHost: string | null;
  statusOf: (field: keyof Settings) => SaveState | null;
  save: (field: keyof Settings, patch: Partial<Settings>) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { settings, save } = props;
  return (
    <>
      <div class="setting">
        <div class="setting-row">
          <label class="check">
            <input
              type="checkbox"
              checked={settings.keepPages}
              aria-describedby="sy-set-keep-help"
              onChange={(e) => void save('keepPages', { keepPages: e.currentTarget.checked })}
            />
            {t.keepPages}
          </label>
          <FieldStatus state={props.statusOf('keepPages')} />
        </div>
        <p id="sy-set-keep-help" class="meta help">
          {t.keepPagesHelp}
        </p>
      </div>
      {settings.keepPages && (
        <SiteList
          id="sy-set-keep-sites"
          labels={{
            legend: t.keepExcluded,
            help: t.keepExcludedHelp,
            empty: t.noKeepExcluded,
            addHere: t.keepExcludeHere,
            hereListed: t.keepHereExcluded,
          }}
          sites={settings.keepPagesExcludedSites}
          pageHost={props.pageHost}
          status={props.statusOf('keepPagesExcludedSites')}
          onSave={(keepPagesExcludedSites) => save('keepPagesExcludedSites', { keepPagesExcludedSites })}
        />
      )}
    </>
  );
}
