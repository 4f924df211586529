// The team corpus (opt-in): the address of a `suyuan serve` and an optional token. "Connect" asks
// the browser for access to that one address (an optional host permission, requested in the click
// itself, as Firefox requires), has the background test it, and only then saves it. Until an
// address is saved the extension sends nothing anywhere.
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/model/settings';
import { teamOriginPattern } from '../../extension/team-origin';
import { errorText } from '../format';
import { useI18n } from '../i18n/i18n';
import { usePermissions, useService } from '../service-context';
import { FieldStatus } from './field-status';
import type { SaveSetting, StatusOf } from './use-settings';

type TestState =
  { kind: 'testing' } | { kind: 'ok'; docs: number; backend: string } | { kind: 'error'; message: string } | null;

export function TeamCorpusSettings(props: { settings: Settings; save: SaveSetting; statusOf: StatusOf }) {
  const { t } = useI18n();
  const service = useService();
  const permissions = usePermissions();
  const [url, setUrl] = useState(props.settings.teamServer);
  const [token, setToken] = useState(props.settings.teamToken);
  const [test, setTest] = useState<TestState>(null);
  const saved = props.settings.teamServer;

  const connect = () => {
    const target = url.trim();
    let pattern: string;
    try {
      pattern = teamOriginPattern(target);
    } catch {
      setTest({ kind: 'error', message: t.teamBadUrl });
      return;
    }
    // Asked before any await: a permission request needs the click's own turn.
    const asked = permissions.request([pattern]);
    setTest({ kind: 'testing' });
    void (async () => {
      if (!(await asked)) return setTest({ kind: 'error', message: t.teamDenied });
      const r = await service.testTeamServer(target, token.trim());
      if (!r.ok) return setTest({ kind: 'error', message: r.error });
      if (await props.save('teamServer', { teamServer: target, teamToken: token.trim() }))
        setTest({ kind: 'ok', docs: r.docs, backend: r.backend });
      else setTest(null);
    })().catch((e: unknown) => setTest({ kind: 'error', message: errorText(e) }));
  };

  const disconnect = () => {
    const was = saved;
    void props.save('teamServer', { teamServer: '', teamToken: '' }).then((ok) => {
      if (!ok || !was) return;
      setUrl('');
      setToken('');
      setTest(null);
      void permissions.remove([teamOriginPattern(was)]).catch(() => false);
    });
  };

  return (
    <fieldset class="team-corpus">
      <legend>{t.teamCorpus}</legend>
      <p class="meta">{t.teamCorpusHelp}</p>
      <label for="sy-set-team-url">{t.teamServerUrl}</label>
      <input
        id="sy-set-team-url"
        type="url"
        placeholder="http://127.0.0.1:8787"
        value={url}
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
      />
      <label for="sy-set-team-token">{t.teamToken}</label>
      <input
        id="sy-set-team-token"
        type="password"
        autocomplete="off"
        value={token}
        onInput={(e) => setToken((e.target as HTMLInputElement).value)}
      />
      <div class="row">
        <button type="button" id="sy-set-team-connect" onClick={connect} disabled={url.trim() === ''}>
          {t.teamConnect}
        </button>
        {saved && (
          <button type="button" id="sy-set-team-off" onClick={disconnect}>
            {t.teamDisconnect}
          </button>
        )}
      </div>
      <p class="meta" id="sy-set-team-state" role="status">
        {test?.kind === 'testing' && t.teamTesting}
        {test?.kind === 'ok' && t.teamConnected(test.docs, test.backend)}
        {test?.kind === 'error' && <span class="error">{t.errorPrefix + test.message}</span>}
        {!test && (saved ? t.teamIsOn(saved) : t.teamIsOff)}
      </p>
      <FieldStatus state={props.statusOf('teamServer')} />
    </fieldset>
  );
}
