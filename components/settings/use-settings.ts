// Loading and saving the settings for the settings view: one place owns the queue, so every
// field's save goes through the same ordering and reports to the same status line.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/model/settings';
import { errorText } from '../format';
import type { SuyuanService } from '../../extension/protocol';
import type { SaveState } from './field-status';

export type Field = keyof Settings | 'reset';
export type SaveSetting = (field: Field, patch: Partial<Settings>, savedText?: string) => Promise<boolean>;
export type StatusOf = (field: Field) => SaveState | null;

export function useSettings(service: SuyuanService) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ field: Field; state: SaveState } | null>(null);
  // Saves run one after another so a slow answer never overwrites a newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    // Read afresh on every opening: a restored backup may have changed the settings meanwhile.
    service.getSettings().then(setSettings, (e: unknown) => setLoadError(errorText(e)));
  }, [service]);

  const save: SaveSetting = (field, patch, savedText) => {
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
  const statusOf: StatusOf = (field) => (status?.field === field ? status.state : null);
  return { settings, loadError, save, statusOf };
}
