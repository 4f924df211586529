// Merges the team corpus's analysis of a page (from `suyuan serve`) into the local one. Team
// documents get ids under `team:` so they never collide with local ids and the background knows
// to open them from the server. The local analysis wins where both found a passage (the user's
// own corpus is at hand and needs no server); team passages fill the page where nothing local was
// found. Both analyses ran the same engine code, so a passage means the same on either side.
import type { PageAnalysis, TeamPart } from '../../core/model/page';
import type { DocMeta, Leftover, Passage } from '../../core/model/types';

export const TEAM_PREFIX = 'team:';
export const teamId = (id: string): string => TEAM_PREFIX + id;
export const isTeamId = (id: string): boolean => id.startsWith(TEAM_PREFIX);

function renamePassage(p: Passage): Passage {
  const out: Passage = { ...p, docId: teamId(p.docId) };
  if (p.holders) out.holders = p.holders.map(teamId);
  if (p.alsoIn) out.alsoIn = p.alsoIn.map(teamId);
  if (p.origin) out.origin = { ...p.origin, docId: teamId(p.origin.docId) };
  return out;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Share of the text's non-whitespace characters inside the passages (as the engine counts it). */
function reuseRatio(text: string, passages: Passage[]): number {
  const marked = new Uint8Array(text.length);
  for (const p of passages) marked.fill(1, p.start, p.end);
  let all = 0;
  let inside = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    all++;
    inside += marked[i]!;
  }
  return all ? inside / all : 0;
}

export function mergeTeam(local: PageAnalysis, team: PageAnalysis, server: string): PageAnalysis & { team: TeamPart } {
  const m = local.match;
  // A team passage is kept when at most half of it is already covered by a local one.
  const added = team.match.passages
    .filter((tp) => m.passages.every((lp) => overlap(tp, lp) * 2 <= tp.end - tp.start))
    .map(renamePassage);
  const passages = [...m.passages, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  const within = (l: Leftover) => added.some((p) => l.start >= p.start && l.end <= p.end);
  const teamLeftovers = (team.match.leftovers ?? [])
    .filter((l) => l.docId !== null && within(l))
    .map((l) => ({ ...l, docId: l.docId === null ? null : teamId(l.docId) }));
  const leftovers = [...(m.leftovers ?? []), ...teamLeftovers].sort((a, b) => a.start - b.start);
  const candidates = [...m.candidates, ...team.match.candidates.map((c) => ({ ...c, id: teamId(c.id) }))]
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(m.candidates.length, team.match.candidates.length));
  const docs: Record<string, DocMeta> = { ...local.docs };
  for (const [id, meta] of Object.entries(team.docs ?? {})) docs[teamId(id)] = { ...meta, id: teamId(id), team: true };
  return {
    ...local,
    match: { ...m, candidates, passages, leftovers, reuseRatio: reuseRatio(local.page.text, passages) },
    docs,
    team: { server, passages: added.length },
  };
}
