// A whole-number setting: typed freely, checked and saved when committed (Enter, leaving the
// field, the spinner). A bad value stays in the box with a message and is not saved.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { FieldStatus, type SaveState } from './field-status';
import { parseErrorText } from './parse-error-text';
import { parseWholeNumber } from './settings-input';

export function NumberField(props: {
  id: string;
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  status: SaveState | null;
  onSave: (value: number) => void;
}) {
  const { t } = useI18n();
  // The draft and its error belong to the stored value they were typed over: when that value
  // changes (saved, reset) the box shows the new value, without an effect that could land late.
  const [edit, setEdit] = useState<{ over: number; text: string; error: string | null } | null>(null);
  const current = edit?.over === props.value ? edit : null;
  const draft = current?.text ?? String(props.value);
  const error = current?.error ?? null;

  const commit = (raw: string) => {
    const parsed = parseWholeNumber(raw, props.min, props.max);
    if (!parsed.ok) {
      setEdit({ over: props.value, text: raw, error: parseErrorText(t, parsed.error) });
      return;
    }
    setEdit({ over: props.value, text: String(parsed.value), error: null });
    if (parsed.value !== props.value) props.onSave(parsed.value);
  };
  const errorId = `${props.id}-error`;
  return (
    <div class="setting">
      <label for={props.id}>{props.label}</label>
      <div class="setting-row">
        <input
          id={props.id}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={1}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={`${props.id}-help${error ? ' ' + errorId : ''}`}
          onInput={(e) => setEdit({ over: props.value, text: e.currentTarget.value, error })}
          onChange={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget.value);
          }}
        />
        <FieldStatus state={error ? null : props.status} />
      </div>
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
      <p id={`${props.id}-help`} class="meta help">
        {props.help}
      </p>
    </div>
  );
}
