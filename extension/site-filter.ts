// Kept apart from settings.ts so the content script can use it without bundling the storage layer.

/** True if `hostname` is one of `disabledSites` or a subdomain of one (suffix match on labels). */
export function isSiteDisabled(hostname: string, disabledSites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return disabledSites.some((site) => {
    const s = site.trim().toLowerCase().replace(/^\.+/, '');
    return s !== '' && (host === s || host.endsWith('.' + s));
  });
}
