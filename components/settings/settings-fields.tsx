// The settings themselves, once loaded, in their on-screen order; the view around them only
// handles loading, the heading and the reset.
import type { Settings } from '../../core/model/settings';
import { TUNABLES } from '../../core/model/tunables';
import { useI18n } from '../i18n/i18n';
import { CheckField } from './check-field';
import { KeepPagesSettings } from './keep-pages-settings';
import { NumberField } from './number-field';
import { PhraseListField } from './phrase-list-field';
import { SiteList } from './site-list';
import { TeamCorpusSettings } from './team-corpus-settings';
import type { SaveSetting, StatusOf } from './use-settings';

interface FieldsProps {
  settings: Settings;
  pageHost: string | null;
  save: SaveSetting;
  statusOf: StatusOf;
}

function AutoHighlightField({ settings, save, statusOf }: FieldsProps) {
  const { t } = useI18n();
  return (
    <CheckField
      id="sy-set-auto"
      label={t.autoHighlight}
      help={t.autoHighlightHelp}
      checked={settings.autoHighlight}
      status={statusOf('autoHighlight')}
      onChange={(autoHighlight) => void save('autoHighlight', { autoHighlight })}
    />
  );
}

export function SettingsFields(props: FieldsProps) {
  const { t } = useI18n();
  const { settings, pageHost, save, statusOf } = props;
  return (
    <>
      <AutoHighlightField {...props} />
      <SiteList
        id="sy-set-sites"
        sites={settings.disabledSites}
        pageHost={pageHost}
        status={statusOf('disabledSites')}
        onSave={(disabledSites) => save('disabledSites', { disabledSites })}
      />
      <KeepPagesSettings settings={settings} pageHost={pageHost} statusOf={statusOf} save={save} />
      <NumberField
        id="sy-set-min-docs"
        label={t.boilerplateMinDocs}
        help={t.boilerplateMinDocsHelp(settings.boilerplateMinDocs)}
        value={settings.boilerplateMinDocs}
        min={TUNABLES.boilerplateMinDocs.min}
        max={TUNABLES.boilerplateMinDocs.max}
        status={statusOf('boilerplateMinDocs')}
        onSave={(boilerplateMinDocs) => void save('boilerplateMinDocs', { boilerplateMinDocs })}
      />
      <NumberField
        id="sy-set-min-len"
        label={t.minPassageLength}
        help={t.minPassageLengthHelp(settings.minPassageLength)}
        value={settings.minPassageLength}
        min={TUNABLES.minPassageLength.min}
        max={TUNABLES.minPassageLength.max}
        status={statusOf('minPassageLength')}
        onSave={(minPassageLength) => void save('minPassageLength', { minPassageLength })}
      />
      <PhraseListField
        id="sy-set-formula"
        label={t.formulaPhrases}
        help={t.formulaPhrasesHelp}
        value={settings.formulaPhrases}
        status={statusOf('formulaPhrases')}
        onSave={(formulaPhrases) => void save('formulaPhrases', { formulaPhrases })}
      />
      <PhraseListField
        id="sy-set-ignore"
        label={t.ignorePhrases}
        help={t.ignorePhrasesHelp}
        value={settings.ignorePhrases}
        status={statusOf('ignorePhrases')}
        onSave={(ignorePhrases) => void save('ignorePhrases', { ignorePhrases })}
      />
      <TeamCorpusSettings settings={settings} save={save} statusOf={statusOf} />
    </>
  );
}
