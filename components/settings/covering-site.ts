// Which listed entry already covers a host; shared by the list's add check and its "here" button.
import { isSiteDisabled } from '../../extension/site-filter';

/** The listed entry that already covers `host` (itself or a parent domain), if any. */
export function coveringSite(host: string, sites: readonly string[]): string | undefined {
  return sites.find((s) => isSiteDisabled(host, [s]));
}
