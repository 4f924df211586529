// The team corpus (`suyuan serve`), asked by the background only when the user has set its
// address in the settings: until then this module sends nothing. Every answer is checked for
// shape; a server that is down, slow or refuses gives a TeamError whose message names it.
import type { PageAnalysis, PageText } from '../../core/model/page';
import type { CorpusDoc, LookupResult, MatchOptions } from '../../core/model/types';

/** Per request: a team server slower than this is reported, the local answer stands. */
export const TEAM_TIMEOUT_MS = 20_000;

export class TeamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamError';
  }
}

export interface TeamServer {
  url: string;
  token: string;
}

export interface TeamHealth {
  backend: string;
  docs: number;
}

async function ask<T>(server: TeamServer, path: string, init: RequestInit = {}): Promise<T> {
  const url = `${server.url.replace(/\/+$/, '')}${path}`;
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (server.token) headers.authorization = `Bearer ${server.token}`;
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(TEAM_TIMEOUT_MS) });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new TeamError(
      timedOut ? `${server.url} did not answer in ${TEAM_TIMEOUT_MS / 1000} s` : `${server.url} cannot be reached`,
    );
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new TeamError(`${server.url} did not answer as suyuan serve (HTTP ${res.status}, not JSON)`);
  }
  if (!res.ok) {
    const message = (body as { error?: { message?: unknown } })?.error?.message;
    throw new TeamError(`${server.url}: HTTP ${res.status}${typeof message === 'string' ? `: ${message}` : ''}`);
  }
  return body as T;
}

export async function teamHealth(server: TeamServer): Promise<TeamHealth> {
  const h = await ask<{ ok?: unknown; backend?: unknown; docs?: unknown }>(server, '/v1/health');
  if (h.ok !== true || typeof h.docs !== 'number')
    throw new TeamError(`${server.url} did not answer as suyuan serve (no health)`);
  return { backend: String(h.backend), docs: h.docs };
}

export async function teamAnalyse(server: TeamServer, page: PageText, options: MatchOptions): Promise<PageAnalysis> {
  const a = await ask<PageAnalysis>(server, '/v1/analyse', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // The page's date hints go too: the server dates the page as the local analysis does.
    body: JSON.stringify({
      page: { url: page.url, title: page.title, text: page.text, meta: page.meta, lead: page.lead },
      options,
    }),
  });
  if (!a?.match || !Array.isArray(a.match.passages) || !Array.isArray(a.match.candidates))
    throw new TeamError(`${server.url} answered an analysis without passages`);
  return a;
}

export async function teamLookup(server: TeamServer, query: string, limit: number): Promise<LookupResult> {
  const r = await ask<LookupResult>(server, `/v1/lookup?q=${encodeURIComponent(query)}&limit=${limit}`);
  if (!Array.isArray(r?.hits)) throw new TeamError(`${server.url} answered a lookup without hits`);
  return r;
}

export async function teamDoc(server: TeamServer, id: string): Promise<CorpusDoc | null> {
  try {
    return await ask<CorpusDoc>(server, `/v1/doc?id=${encodeURIComponent(id)}`);
  } catch (err) {
    if (err instanceof TeamError && / HTTP 404/.test(err.message)) return null;
    throw err;
  }
}
