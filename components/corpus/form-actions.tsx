// The save / cancel pair at the foot of the corpus view's document forms (new and edit).
import { useI18n } from '../i18n/i18n';

export function FormActions(props: { disabled: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div class="actions">
      <button type="submit" disabled={props.disabled}>
        {t.save}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}
