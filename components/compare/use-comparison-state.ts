// The comparison's state and actions (chosen source, selected passage, view mode, scope, fetched
// bodies, errors), kept apart from its markup so each stays short enough to read at once.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderComparisonReport } from '../../core/report/html-report';
import { sourceColours } from '../../core/report/palette';
import type { CorpusDoc, DocMeta } from '../../core/model/types';
import type { PageAnalysis } from '../../core/model/page';
import { downloadText, fileStamp } from '../download';
import { errorText } from '../format';
import { useI18n } from '../i18n/i18n';
import { usePanelEvent, useService } from '../service-context';
import { useLatest } from '../use-latest';
import type { PassageMode } from './passage-card';
import { useDocBodies } from './use-doc-bodies';

/** The source shown first: the closest candidate with passages, else the closest one. */
function defaultSource(analysis: PageAnalysis): string | null {
  const { candidates, passages } = analysis.match;
  return (candidates.find((c) => passages.some((p) => p.docId === c.id)) ?? candidates[0])?.id ?? null;
}

export type ComparisonState = ReturnType<typeof useComparisonState>;

export function useComparisonState(tabId: number | null, analysis: PageAnalysis) {
  const { lang } = useI18n();
  const service = useService();
  const { passages, candidates } = analysis.match;
  const colours = useMemo(() => sourceColours(analysis), [analysis]);
  const [chosen, setChosen] = useState<string | null>(() => defaultSource(analysis));
  const [selected, setSelected] = useState<number | null>(null);
  const [mode, setMode] = useState<PassageMode>('diff');
  // 'all': every source's passages in page order (a page assembled from several speeches).
  const [scope, setScope] = useState<'source' | 'all'>('source');
  const [error, setError] = useState<string | null>(null);

  // A new analysis (another page, or a re-run) resets the choice unless it still makes sense: a
  // source without passages gives way when the new analysis found some (e.g. in the team corpus).
  useEffect(() => {
    const { candidates: cs, passages: ps } = analysis.match;
    const keeps = (c: string) => cs.some((x) => x.id === c) && (ps.length === 0 || ps.some((p) => p.docId === c));
    setChosen((c) => (c && keeps(c) ? c : defaultSource(analysis)));
    setSelected((s) => (s !== null && s < analysis.match.passages.length ? s : null));
  }, [analysis]);

  const titleOf = (id: string) => analysis.docs[id]?.title ?? candidates.find((c) => c.id === id)?.title ?? id;
  const { bodies, loadDoc } = useDocBodies(mode, scope, chosen, passages, setError);

  useEffect(() => {
    if (selected === null) return;
    document.getElementById(`passage-${selected}`)?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected, chosen]);

  const reveal = (start: number, end: number) => {
    if (tabId !== null) service.revealInTab(tabId, start, end).catch((e: unknown) => setError(errorText(e)));
  };
  const select = useLatest((index: number, revealIt: boolean) => {
    const p = passages[index];
    if (!p) return;
    setSelected(index);
    setChosen(p.docId);
    if (revealIt) reveal(p.start, p.end);
  });
  usePendingPassage(tabId, select);

  const exportReport = async () => {
    try {
      const docs: Record<string, CorpusDoc | DocMeta> = { ...analysis.docs };
      for (const id of new Set(passages.map((p) => p.docId))) {
        const doc = await loadDoc(id);
        if (doc) docs[id] = doc;
      }
      const html = renderComparisonReport(analysis, docs, lang);
      downloadText(`suyuan-report-${fileStamp()}.html`, html, 'text/html;charset=utf-8');
    } catch (e) {
      setError(errorText(e));
    }
  };

  const shown = passages.map((p, i) => ({ p, i })).filter(({ p }) => scope === 'all' || p.docId === chosen);
  shown.sort((a, b) => a.p.start - b.p.start);
  return {
    ...{ colours, chosen, setChosen, selected, select, mode, setMode, scope, setScope },
    ...{ error, titleOf, bodies, reveal, exportReport, shown },
  };
}

/** Selects the passage a hover card asked for, whether it asked before or after the panel opened. */
function usePendingPassage(tabId: number | null, select: (index: number, reveal: boolean) => void) {
  const service = useService();
  // A hover-card click that opened this panel sent its event before the panel listened: the
  // background keeps the passage for a few seconds, for the panel that opens.
  useEffect(() => {
    if (tabId === null) return;
    service.takePendingPassage(tabId).then(
      (i) => i !== null && select(i, false),
      () => undefined,
    );
  }, [tabId, service, select]);
  usePanelEvent((e) => {
    if (e.type === 'show-passage' && e.tabId === tabId) select(e.passageIndex, false);
  });
}
