// One on/off setting: a labelled checkbox with its save status and a line of help, the same shape
// as NumberField and PhraseListField so every switch in the settings reads alike.
import { FieldStatus, type SaveState } from './field-status';

export function CheckField(props: {
  id: string;
  label: string;
  help: string;
  checked: boolean;
  status: SaveState | null;
  onChange: (checked: boolean) => void;
}) {
  const helpId = `${props.id}-help`;
  return (
    <div class="setting">
      <div class="setting-row">
        <label class="check">
          <input
            type="checkbox"
            checked={props.checked}
            aria-describedby={helpId}
            onChange={(e) => props.onChange(e.currentTarget.checked)}
          />
          {props.label}
        </label>
        <FieldStatus state={props.status} />
      </div>
      <p id={helpId} class="meta help">
        {props.help}
      </p>
    </div>
  );
}
