// The team server's address as the origin pattern its optional host permission is requested for
// (`http://10.0.0.5:8787/*`). Shared by the panel (which asks) and the background (which checks).

/** Throws on anything but an http(s) URL. */
export function teamOriginPattern(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) address: ${url}`);
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}/*`;
}
