// The pieces of the site list, each small enough to read alone: the listed sites, the host box,
// and the one-click button for the current page.
import type { Ref } from 'preact';
import { useI18n } from '../i18n/i18n';
import type { SiteListLabels } from './site-list';

export function SiteEntries(props: { sites: string[]; labels: SiteListLabels; onRemove: (site: string) => void }) {
  const { t } = useI18n();
  const { labels } = props;
  return props.sites.length === 0 ? (
    <p class="meta">{labels.empty}</p>
  ) : (
    <ul class="site-list" aria-label={labels.legend}>
      {props.sites.map((s) => (
        <li key={s}>
          <span class="site-host">{s}</span>
          <button type="button" class="link danger" aria-label={t.removeSite(s)} onClick={() => props.onRemove(s)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SiteHostForm(props: {
  id: string;
  draft: string;
  error: string | null;
  errorId: string;
  input: Ref<HTMLInputElement>;
  onDraft: (draft: string) => void;
  onSubmit: (e: Event) => void;
}) {
  const { t } = useI18n();
  return (
    <form class="search-row" onSubmit={props.onSubmit}>
      <label class="visually-hidden" for={`${props.id}-host`}>
        {t.siteHost}
      </label>
      <input
        ref={props.input}
        id={`${props.id}-host`}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        placeholder={t.siteHostPlaceholder}
        value={props.draft}
        aria-invalid={props.error !== null}
        aria-describedby={props.error ? props.errorId : undefined}
        onInput={(e) => props.onDraft(e.currentTarget.value)}
      />
      <button type="submit" disabled={!props.draft.trim()}>
        {t.addSite}
      </button>
    </form>
  );
}

export function HereAction(props: {
  here: string | null;
  hereBy: string | undefined;
  labels: SiteListLabels;
  onAdd: (host: string) => void;
}) {
  const { t } = useI18n();
  const { here, labels } = props;
  return (
    <div class="actions">
      {here === null ? (
        <p class="meta">{t.noCurrentSite}</p>
      ) : props.hereBy !== undefined ? (
        <p class="meta">{labels.hereListed(here)}</p>
      ) : (
        <button type="button" onClick={() => props.onAdd(here)}>
          {labels.addHere(here)}
        </button>
      )}
    </div>
  );
}
