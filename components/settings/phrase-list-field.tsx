// A list of phrases edited as one-per-line text, saved when the field is left (or Ctrl+Enter).
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { FieldStatus, type SaveState } from './field-status';
import { parseErrorText } from './parse-error-text';
import { parseLines } from './settings-input';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function PhraseListField(props: {
  id: string;
  label: string;
  help: string;
  value: string[];
  status: SaveState | null;
  onSave: (value: string[]) => void;
}) {
  const { t } = useI18n();
  // As in NumberField: an edit belongs to the stored list it was typed over.
  const joined = props.value.join('\n');
  const [edit, setEdit] = useState<{ over: string; text: string; error: string | null } | null>(null);
  const current = edit?.over === joined ? edit : null;
  const draft = current?.text ?? joined;
  const error = current?.error ?? null;

  const commit = (raw: string) => {
    const parsed = parseLines(raw);
    if (!parsed.ok) {
      setEdit({ over: joined, text: raw, error: parseErrorText(t, parsed.error) });
      return;
    }
    setEdit({ over: joined, text: parsed.value.join('\n'), error: null });
    if (!sameList(parsed.value, props.value)) props.onSave(parsed.value);
  };
  const errorId = `${props.id}-error`;
  return (
    <div class="setting">
      <div class="setting-row">
        <label for={props.id}>{props.label}</label>
        <FieldStatus state={error ? null : props.status} />
      </div>
      <p id={`${props.id}-help`} class="meta help">
        {props.help}
      </p>
      <textarea
        id={props.id}
        rows={4}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={`${props.id}-help${error ? ' ' + errorId : ''}`}
        onInput={(e) => setEdit({ over: joined, text: e.currentTarget.value, error })}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(e.currentTarget.value);
        }}
      />
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
