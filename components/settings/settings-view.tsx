// Settings, opened from the gear in the header. Each setting is saved on its own as soon as it is
// committed, with its own "saved" or error line; nothing waits for a global Save button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../core/model/settings';
import { TUNABLES } from '../../core/model/tunables';
import { EmptyState } from '../empty-state';
import { errorText } from '../format';
import { useI18n } from '../i18n/i18n';
import { useService } from '../service-context';
import { FieldStatus, type SaveState } from './field-status';
import { NumberField } from './number-field';
import { PhraseListField } from './phrase-list-field';
import { KeepPagesSettings } from './keep-pages-settings';
import { SiteList } from './site-list';

type Field = keyof Settings | 'reset';

export function SettingsView(props: { pageHost: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const service = useService();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ field: Field; state: SaveState } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);
  const confirmShown = useRef(false);
  // Saves run one after another so a slow answer never overwrites a newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    // Read afresh on every opening: a restored backup may have changed the settings meanwhile.
    service.getSettings().then(setSettings, (e: unknown) => setLoadError(errorText(e)));
    heading.current?.focus();
  }, [service]);

  // The button pressed disappears when the confirmation opens or closes: move focus with it.
  useEffect(() => {
    if (confirmReset) cancelReset.current?.focus();
    else if (confirmShown.current) resetButton.current?.focus();
    confirmShown.current = confirmReset;
  }, [confirmReset]);

  const save = (field: Field, patch: Partial<Settings>, savedText?: string): Promise<boolean> => {
    setStatus({ field, state: { kind: 'saving' } });
    const run = queue.current.then(() =>
      service.setSettings(patch).then(
        (next) => {
          setSettings(next);
          setStatus({ field, state: savedText ? { kind: 'saved', text: savedText } : { kind: 'saved' } });
          return true;
        },
        (e: unknown) => {
          setStatus({ field, state: { kind: 'error', message: errorText(e) } });
          return false;
        },
      ),
    );
    queue.current = run;
    return run;
  };
  const statusOf = (field: Field) => (status?.field === field ? status.state : null);

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
          <div class="setting">
            <div class="setting-row">
              <label class="check">
                <input
                  type="checkbox"
                  checked={settings.autoHighlight}
                  aria-describedby="sy-set-auto-help"
                  onChange={(e) => void save('autoHighlight', { autoHighlight: e.currentTarget.checked })}
                />
                {t.autoHighlight}
              </label>
              <FieldStatus state={statusOf('autoHighlight')} />
            </div>
            <p id="sy-set-auto-help" class="meta help">
              {t.autoHighlightHelp}
            </p>
          </div>
          <SiteList
            id="sy-set-sites"
            sites={settings.disabledSites}
            pageHost={props.pageHost}
            status={statusOf('disabledSites')}
            onSave={(disabledSites) => save('disabledSites', { disabledSites })}
          />
          <KeepPagesSettings settings={settings} pageHost={props.pageHost} statusOf={statusOf} save={save} />
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
          <div class="actions reset">
            {confirmReset ? (
              <span class="confirm" role="group" aria-label={t.confirmReset}>
                <span>{t.confirmReset}</span>
                <button
                  type="button"
                  class="danger"
                  onClick={() => {
                    setConfirmReset(false);
                    void save('reset', structuredClone({ ...DEFAULT_SETTINGS }), t.resetDone);
                  }}
                >
                  {t.confirmResetYes}
                </button>
                <button type="button" ref={cancelReset} onClick={() => setConfirmReset(false)}>
                  {t.cancel}
                </button>
              </span>
            ) : (
              <button type="button" ref={resetButton} onClick={() => setConfirmReset(true)}>
                {t.resetDefaults}
              </button>
            )}
            <FieldStatus state={statusOf('reset')} />
          </div>
        </>
      )}
    </section>
  );
}
