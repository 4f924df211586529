// One colour per source document, shared by the panel's reuse map, its legend and the HTML
// report, so a source keeps its colour wherever it appears. Mid-tone hues read on light and dark.
import type { PageAnalysis } from '../model/page';

export const SOURCE_PALETTE = [
  '#e4572e',
  '#2e86ab',
  '#76b041',
  '#a23b72',
  '#f1a208',
  '#5b5f97',
  '#17bebb',
  '#b56576',
  '#8d6a9f',
  '#4f772d',
] as const;

/** Colours by document id: candidates in rank order first, then any other passage source. */
export function sourceColours(analysis: Pick<PageAnalysis, 'match'>): Map<string, string> {
  const colours = new Map<string, string>();
  const ids = [...analysis.match.candidates.map((c) => c.id), ...analysis.match.passages.map((p) => p.docId)];
  for (const id of ids) {
    if (!colours.has(id)) colours.set(id, SOURCE_PALETTE[colours.size % SOURCE_PALETTE.length]!);
  }
  return colours;
}
