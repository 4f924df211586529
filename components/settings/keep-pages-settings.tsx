// Keep pages as you read: the switch (off by default, saying the pages stay in this browser) and
// the sites whose pages are never kept.
import type { Settings } from '../../core/model/settings';
import { useI18n } from '../i18n/i18n';
import { CheckField } from './check-field';
import type { SaveState } from './field-status';
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
      <CheckField
        id="sy-set-keep"
        label={t.keepPages}
        help={t.keepPagesHelp}
        checked={settings.keepPages}
        status={props.statusOf('keepPages')}
        onChange={(keepPages) => void save('keepPages', { keepPages })}
      />
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
