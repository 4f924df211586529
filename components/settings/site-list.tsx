// Sites where Suyuan never runs: the list with remove buttons, a host box, and a one-click
// "disable on this site" for the page the panel describes.
import { useI18n } from '../i18n/i18n';
import { coveringSite } from './covering-site';
import { FieldStatus, type SaveState } from './field-status';
import { HereAction, SiteEntries, SiteHostForm } from './site-list-parts';
import { useSiteList } from './use-site-list';

// Re-exported so callers (and tests) keep importing it from the list it belongs to.
export { coveringSite };

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
  const { draft, setDraft, error, input, add, submit, remove } = useSiteList(props.sites, props.onSave);
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
      <SiteEntries sites={props.sites} labels={labels} onRemove={(s) => void remove(s)} />
      <SiteHostForm
        id={props.id}
        draft={draft}
        error={error}
        errorId={errorId}
        input={input}
        onDraft={setDraft}
        onSubmit={(e) => void submit(e)}
      />
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
      <HereAction here={here} hereBy={hereBy} labels={labels} onAdd={(h) => void add(h)} />
    </fieldset>
  );
}
