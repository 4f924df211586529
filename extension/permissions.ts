// The panel's access to the browser's optional host permissions (the team corpus's address).
// Components get it through the service context, so tests hand in a fake.
import { browser } from 'wxt/browser';

export interface OriginPermissions {
  /** Asks the user for these origins; must be called in a click's own turn. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export const browserPermissions: OriginPermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};
