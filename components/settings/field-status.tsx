// The saving / saved / failed line under one setting. The live region is always in the DOM so
// screen readers announce each change of its text.
import { useI18n } from '../i18n/i18n';

export type SaveState = { kind: 'saving' } | { kind: 'saved'; text?: string } | { kind: 'error'; message: string };

export function FieldStatus(props: { state: SaveState | null }) {
  const { t } = useI18n();
  const s = props.state;
  const cls =
    s?.kind === 'error' ? 'field-status error' : s?.kind === 'saved' ? 'field-status ok' : 'field-status meta';
  return (
    <span class={cls} role="status">
      {s?.kind === 'saving' && t.saving}
      {s?.kind === 'saved' && (s.text ?? `✓ ${t.saved}`)}
      {s?.kind === 'error' && t.notSaved + s.message}
    </span>
  );
}
