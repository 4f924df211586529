// @vitest-environment node
// The background's team-corpus path: a team analysis (here from a second real engine, as
// `suyuan serve` answers) merged into the local one, team documents under `team:` ids, failures
// leaving the local analysis standing, and no call at all while no server is set.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine';
import { DEFAULT_SETTINGS } from '../../../core/model/settings';
import type { PageAnalysis } from '../../../core/model/page';
import type { Engine } from '../../../core/model/engine-api';
import { matchOptions } from '../../../extension/background/service';
import { docMeta } from '../../../core/model/doc-meta';
import {
  teamGetDoc,
  teamLookupMerged,
  testTeamServer,
  withTeam,
  type TeamApi,
} from '../../../extension/background/service-team';
import { TeamError } from '../../../extension/background/team-client';
import { mergeTeam } from '../../../extension/background/team-merge';
import { seed, seeds } from '../../fixtures/corpus';
import { syntheticSpeech } from '../../fixtures/synthetic-speech';

const written = syntheticSpeech(77, 8);
const teamDoc = { id: 'team-only/77.md', title: written.title, body: written.body, origin: 'user' as const };
const local = createEngine(seeds());
const remote = createEngine([teamDoc, ...seeds().slice(0, 2)]);
// A page copying a seed's opening and, below it, the written speech that only the team holds.
const text = `${seed('002').body.slice(0, 1500)}\n${written.body.slice(0, 1500)}`;
const page = {
  url: 'https://example.org/p',
  title: 't',
  text,
  detect: { speechLike: true, score: 1, script: 'simplified' as const, reasons: [] },
};
const settings = { ...DEFAULT_SETTINGS, teamServer: 'http://127.0.0.1:8787', teamToken: 'k' };
/** The page analysed as the background does it (matchOptions of the settings, the page's address). */
function analyse(e: Engine): PageAnalysis {
  const { match, boilerplate } = e.analyse(text, {
    ...matchOptions(settings),
    page: { url: page.url, title: page.title },
  });
  const docs: PageAnalysis['docs'] = {};
  for (const c of match.candidates) docs[c.id] = docMeta(e.get(c.id)!);
  return { page, match, boilerplate, docs, analysedAt: 1 };
}

function api(over: Partial<TeamApi> = {}): TeamApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    health: async () => (calls.push('health'), { backend: 'embedded', docs: 3 }),
    analyse: async () => (calls.push('analyse'), analyse(remote)),
    lookup: async (_s, q, limit) => (calls.push('lookup'), remote.lookup(q, { limit })),
    doc: async (_s, id) => (calls.push('doc'), remote.get(id) ?? null),
    ...over,
  };
}

describe('team corpus in the background', () => {
  it('merges the team passages where nothing local was found, under team: ids', () => {
    const mine = analyse(local);
    const merged = mergeTeam(mine, analyse(remote), settings.teamServer);
    const from = (id: string) => merged.match.passages.filter((p) => p.docId === id);
    expect(mine.match.passages.some((p) => p.docId === teamDoc.id)).toBe(false);
    expect(from(`team:${teamDoc.id}`).length).toBeGreaterThan(0);
    // Seed 002 was found locally: the team's copy of it is not added a second time.
    expect(from(`team:${seed('002').id}`)).toEqual([]);
    expect(from(seed('002').id).length).toBeGreaterThan(0);
    expect(merged.match.reuseRatio).toBeGreaterThan(mine.match.reuseRatio + 0.3);
    expect(merged.docs[`team:${teamDoc.id}`]).toMatchObject({
      id: `team:${teamDoc.id}`,
      title: written.title,
      team: true,
    });
    expect(merged.match.candidates.map((c) => c.id)).toContain(`team:${teamDoc.id}`);
    const starts = merged.match.passages.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(merged.team).toEqual({ server: settings.teamServer, passages: from(`team:${teamDoc.id}`).length });
  });

  it('asks nothing while no server is set', async () => {
    const a = api();
    const off = { ...settings, teamServer: '' };
    const mine = analyse(local);
    expect(await withTeam(a, mine, off, matchOptions(off))).toBe(mine);
    const l = local.lookup('同志们');
    expect(await teamLookupMerged(a, l, off, 50)).toBe(l);
    expect(await teamGetDoc(a, `team:${teamDoc.id}`, off)).toBeNull();
    expect(a.calls).toEqual([]);
  });

  it('a failing server leaves the local analysis and says why', async () => {
    const down = api({
      analyse: async () => {
        throw new TeamError('http://127.0.0.1:8787 cannot be reached');
      },
    });
    const mine = analyse(local);
    const got = await withTeam(down, mine, settings, matchOptions(settings));
    expect(got.match).toBe(mine.match);
    expect(got.team).toEqual({ server: settings.teamServer, error: 'http://127.0.0.1:8787 cannot be reached' });
    expect((await testTeamServer(api({ health: down.analyse as never }), settings.teamServer, '')).ok).toBe(false);
    expect(await testTeamServer(api(), 'ftp://x', '')).toEqual({ ok: false, error: expect.stringMatching(/http/) });
    expect(await testTeamServer(api(), settings.teamServer, 'k')).toEqual({ ok: true, docs: 3, backend: 'embedded' });
  });

  it('lookups add the team hits; team documents open from the server', async () => {
    const a = api();
    const l = local.lookup('同志们', { limit: 500 });
    const merged = await teamLookupMerged(a, l, settings, 500);
    const t = remote.lookup('同志们', { limit: 500 });
    expect(merged.total).toBe(l.total + t.total);
    expect(merged.hits.filter((h) => h.docId.startsWith('team:')).length).toBe(t.hits.length);
    const doc = await teamGetDoc(a, `team:${teamDoc.id}`, settings);
    expect(doc).toMatchObject({ id: `team:${teamDoc.id}`, body: written.body, team: true });
    expect(await teamGetDoc(a, 'team:nope', settings)).toBeNull();
  });
});
