// "Reset to defaults" with its inline confirmation. Its own component because the focus handling
// (the pressed button disappears on open and close) belongs with the buttons it moves between.
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '../../core/model/settings';
import { useI18n } from '../i18n/i18n';
import { FieldStatus } from './field-status';
import type { SaveSetting, StatusOf } from './use-settings';

export function ResetDefaults(props: { save: SaveSetting; statusOf: StatusOf }) {
  const { t } = useI18n();
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);
  const confirmShown = useRef(false);

  // The button pressed disappears when the confirmation opens or closes: move focus with it.
  useEffect(() => {
    if (confirmReset) cancelReset.current?.focus();
    else if (confirmShown.current) resetButton.current?.focus();
    confirmShown.current = confirmReset;
  }, [confirmReset]);

  return (
    <div class="actions reset">
      {confirmReset ? (
        <span class="confirm" role="group" aria-label={t.confirmReset}>
          <span>{t.confirmReset}</span>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirmReset(false);
              void props.save('reset', structuredClone({ ...DEFAULT_SETTINGS }), t.resetDone);
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
      <FieldStatus state={props.statusOf('reset')} />
    </div>
  );
}
