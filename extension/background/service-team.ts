// The background's side of the team corpus: asked only when the user saved a server address in
// the settings. A page's team analysis is merged into the local one; a failure leaves the local
// analysis standing and says why (`team.error`), never a partial merge. Lookups add the team's
// hits; team documents (ids under `team:`) open from the server.
import type { PageAnalysis } from '../../core/model/page';
import type { Settings } from '../../core/model/settings';
import type { CorpusDoc, LookupResult, MatchOptions } from '../../core/model/types';
import type { SuyuanService } from '../protocol';
import { teamAnalyse, teamDoc, teamHealth, teamLookup, type TeamServer } from './team-client';
import { TEAM_PREFIX, isTeamId, mergeTeam, teamId } from './team-merge';

/** The network calls, replaceable in tests. */
export interface TeamApi {
  health: typeof teamHealth;
  analyse: typeof teamAnalyse;
  lookup: typeof teamLookup;
  doc: typeof teamDoc;
}

export const realTeamApi: TeamApi = { health: teamHealth, analyse: teamAnalyse, lookup: teamLookup, doc: teamDoc };

export function teamServerOf(s: Settings): TeamServer | null {
  return s.teamServer ? { url: s.teamServer, token: s.teamToken } : null;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function withTeam(
  api: TeamApi,
  local: PageAnalysis,
  settings: Settings,
  options: MatchOptions,
): Promise<PageAnalysis> {
  const server = teamServerOf(settings);
  if (!server) return local;
  try {
    return mergeTeam(local, await api.analyse(server, local.page, options), server.url);
  } catch (err) {
    console.warn('[suyuan] team corpus:', err);
    return { ...local, team: { server: server.url, error: messageOf(err) } };
  }
}

export async function teamLookupMerged(
  api: TeamApi,
  local: LookupResult,
  settings: Settings,
  limit: number,
): Promise<LookupResult> {
  const server = teamServerOf(settings);
  if (!server) return local;
  try {
    const team = await api.lookup(server, local.query, limit);
    const hits = team.hits.map((h) => ({ ...h, docId: teamId(h.docId) }));
    return {
      ...local,
      total: local.total + team.total,
      docs: local.docs + team.docs,
      hits: [...local.hits, ...hits].slice(0, Math.max(limit, local.hits.length)),
    };
  } catch (err) {
    console.warn('[suyuan] team corpus lookup:', err);
    return local;
  }
}

/** A team document by its `team:` id, or null when none is set or the server has no such id. */
export async function teamGetDoc(api: TeamApi, id: string, settings: Settings): Promise<CorpusDoc | null> {
  const server = teamServerOf(settings);
  if (!server || !isTeamId(id)) return null;
  const doc = await api.doc(server, id.slice(TEAM_PREFIX.length));
  return doc && { ...doc, id, team: true };
}

export async function testTeamServer(
  api: TeamApi,
  url: unknown,
  token: unknown,
): ReturnType<SuyuanService['testTeamServer']> {
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url.trim()))
    return { ok: false, error: 'the address must start with http:// or https://' };
  try {
    const h = await api.health({ url: url.trim(), token: typeof token === 'string' ? token.trim() : '' });
    return { ok: true, docs: h.docs, backend: h.backend };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}
