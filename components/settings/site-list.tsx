// Sites where Suyuan never runs: the list with remove buttons, a host box, and a one-click
// "disable on this site" for the page the panel describes.
import { useRef, useState } from 'preact/hooks';
import { isSiteDisabled } from '../../extension/site-filter';
import { useI18n } from '../i18n/i18n';
import { FieldStatus, type SaveState } from './field-status';
import { parseErrorText } from './parse-error-text';
import { parseHost } from './settings-input';

/** The listed entry that already covers `host` (itself or a parent domain), if any. */
export function coveringSite(host: string, sites: readonly string[]): string | undefined {
  return sites.find((s) => isSiteDisabled(host, [s]));
}

/** What the list is for, when it is not the sites where Suyuan never runs. */
export interface SiteListLabels {
  legend: string;
  help: string;
  empty: string;
  addHere: (host: string) => string;
  hereListed: (host: string) => string;
}

export function SiteList(props: {
  id: string;
  labels?: SiteListLabels;
  sites: string[];
  /** Host of the current tab's page, when the panel knows it. */
  pageHost: string | null;
  status: SaveState | null;
  onSave: (sites: string[]) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const add = async (host: string) => {
    const by = coveringSite(host, props.sites);
    if (by !== undefined) {
      setError(t.siteListed(host, by));
      return false;
    }
    setError(null);
    return props.onSave([...props.sites, host]);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseHost(draft);
    if (!parsed.ok) {
      setError(parseErrorText(t, parsed.error));
      return;
    }
    if (await add(parsed.value)) setDraft('');
  };
  const remove = async (site: string) => {
    setError(null);
    // The removed row's button disappears: keep keyboard focus in the section.
    if (await props.onSave(props.sites.filter((s) => s !== site))) input.current?.focus();
  };

  const labels = props.labels ?? {
    legend: t.disabledSites,
    help: t.disabledSitesHelp,
    empty: t.noDisabledSites,
    addHere: t.disableHere,
    hereListed: t.hereDisabled,
  };
  const here = props.pageHost;
  const hereBy = here === null ? undefined : coveringSite(here, props.sites);
  const errorId = `${props.id}-error`;
  return (
    <fieldset class="setting sites" aria-describedby={`${props.id}-help`}>
      <legend>{labels.legend}</legend>
      <div class="setting-row">
        <p id={`${props.id}-help`} class="meta help">
          {labels.help}
        </p>
        <FieldStatus state={props.status} />
      </div>
      {props.sites.length === 0 ? (
        <p class="meta">{labels.empty}</p>
      ) : (
        <ul class="site-list" aria-label={labels.legend}>
          {props.sites.map((s) => (
            <li key={s}>
              <span class="site-host">{s}</span>
              <button type="button" class="link danger" aria-label={t.removeSite(s)} onClick={() => void remove(s)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="search-row" onSubmit={(e) => void submit(e)}>
        <label class="visually-hidden" for={`${props.id}-host`}>
          {t.siteHost}
        </label>
        <input
          ref={input}
          id={`${props.id}-host`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t.siteHostPlaceholder}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" disabled={!draft.trim()}>
          {t.addSite}
        </button>
      </form>
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {here === null ? (
          <p class="meta">{t.noCurrentSite}</p>
        ) : hereBy !== undefined ? (
          <p class="meta">{labels.hereListed(here)}</p>
        ) : (
          <button type="button" onClick={() => void add(here)}>
            {labels.addHere(here)}
          </button>
        )}
      </div>
    </fieldset>
  );
}
