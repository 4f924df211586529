// The compare view for the current tab: summary, reuse map, ranked sources and the chosen
// source's passages with diffs. Every state has a message: no tab, pending, not a speech, no match.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderComparisonReport } from '../../core/report/html-report';
import { sourceColours } from '../../core/report/palette';
import type { CorpusDoc, DocMeta } from '../../core/model/types';
import type { PageAnalysis } from '../../core/model/page';
import { downloadText, fileStamp } from '../download';
import { EmptyState } from '../empty-state';
import { Segmented } from '../segmented';
import { errorText } from '../format';
import { useI18n } from '../i18n/i18n';
import { usePanelEvent, useService } from '../service-context';
import { useLatest } from '../use-latest';
import type { TabAnalysis } from '../use-tab-analysis';
import { CandidateList } from './candidate-list';
import { PassageCard, type PassageMode } from './passage-card';
import { ReuseMap } from './reuse-map';
import { SummaryBar } from './summary-bar';

export interface OpenDocRequest {
  docId: string;
  start?: number;
  end?: number;
}

export function CompareView(props: {
  tabId: number | null;
  state: TabAnalysis;
  reload: () => void;
  onOpenDoc: (req: OpenDocRequest) => void;
}) {
  const { t } = useI18n();
  const { state } = props;
  // "Compare anyway" must show what it did: loading while it reads the page again, then either the
  // comparison or, when the page gave no text to compare, a plain statement saying so.
  const [tried, setTried] = useState(false);
  const anyway = () => {
    setTried(true);
    props.reload();
  };
  if (state.status === 'no-tab') return <EmptyState>{t.noTab}</EmptyState>;
  if (state.status === 'loading') return <EmptyState>{t.loading}</EmptyState>;
  if (state.status === 'error')
    return (
      <EmptyState role="alert">
        {t.errorPrefix}
        {state.message}{' '}
        <button type="button" onClick={props.reload}>
          {t.compareAnyway}
        </button>
      </EmptyState>
    );
  if (!state.analysis)
    return (
      <EmptyState>
        {t.pending}{' '}
        <button type="button" onClick={anyway}>
          {t.compareAnyway}
        </button>
        {tried && (
          <div class="warning" role="status">
            {t.compareAnywayNothing}
          </div>
        )}
      </EmptyState>
    );
  return <Comparison tabId={props.tabId} analysis={state.analysis} reload={props.reload} onOpenDoc={props.onOpenDoc} />;
}

/** The source shown first: the closest candidate with passages, else the closest one. */
function defaultSource(analysis: PageAnalysis): string | null {
  const { candidates, passages } = analysis.match;
  return (candidates.find((c) => passages.some((p) => p.docId === c.id)) ?? candidates[0])?.id ?? null;
}

function Comparison(props: {
  tabId: number | null;
  analysis: PageAnalysis;
  reload: () => void;
  onOpenDoc: (req: OpenDocRequest) => void;
}) {
  const { t, lang } = useI18n();
  const [comparedAnyway, setComparedAnyway] = useState(false);
  const service = useService();
  const { analysis } = props;
  const { passages, candidates } = analysis.match;
  const colours = useMemo(() => sourceColours(analysis), [analysis]);
  const [chosen, setChosen] = useState<string | null>(() => defaultSource(analysis));
  const [selected, setSelected] = useState<number | null>(null);
  const [mode, setMode] = useState<PassageMode>('diff');
  // 'all': every source's passages in page order (a page assembled from several speeches).
  const [scope, setScope] = useState<'source' | 'all'>('source');
  const [bodies, setBodies] = useState<Record<string, CorpusDoc>>({});
  const [error, setError] = useState<string | null>(null);

  // A new analysis (another page, or a re-run) resets the choice unless it still makes sense.
  useEffect(() => {
    setChosen((c) => (c && analysis.match.candidates.some((x) => x.id === c) ? c : defaultSource(analysis)));
    setSelected((s) => (s !== null && s < analysis.match.passages.length ? s : null));
  }, [analysis]);

  const titleOf = (id: string) => analysis.docs[id]?.title ?? candidates.find((c) => c.id === id)?.title ?? id;

  const loadDoc = useLatest(async (id: string): Promise<CorpusDoc | null> => {
    const have = bodies[id];
    if (have) return have;
    const doc = await service.getDoc(id);
    if (doc) setBodies((b) => ({ ...b, [id]: doc }));
    return doc;
  });

  useEffect(() => {
    if (mode !== 'side') return;
    const ids = scope === 'all' ? [...new Set(passages.map((p) => p.docId))] : chosen ? [chosen] : [];
    for (const id of ids) loadDoc(id).catch((e: unknown) => setError(errorText(e)));
  }, [mode, chosen, scope, passages, loadDoc]);

  useEffect(() => {
    if (selected === null) return;
    document.getElementById(`passage-${selected}`)?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected, chosen]);

  const select = useLatest((index: number, reveal: boolean) => {
    const p = passages[index];
    if (!p) return;
    setSelected(index);
    setChosen(p.docId);
    if (reveal && props.tabId !== null) {
      service.revealInTab(props.tabId, p.start, p.end).catch((e: unknown) => setError(errorText(e)));
    }
  });

  // A hover-card click that opened this panel sent its event before the panel listened: the
  // background keeps the passage for a few seconds, for the panel that opens.
  useEffect(() => {
    if (props.tabId === null) return;
    service.takePendingPassage(props.tabId).then(
      (i) => i !== null && select(i, false),
      () => undefined,
    );
  }, [props.tabId, service, select]);
  usePanelEvent((e) => {
    if (e.type === 'show-passage' && e.tabId === props.tabId) select(e.passageIndex, false);
  });

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

  return (
    <div class="compare">
      <SummaryBar analysis={analysis} onRefresh={props.reload} onExport={exportReport} />
      {error && (
        <div class="error" role="alert">
          {t.errorPrefix}
          {error}
        </div>
      )}
      {!analysis.page.detect.speechLike && passages.length === 0 && (
        <EmptyState>
          {t.notSpeechLike}{' '}
          <button
            type="button"
            onClick={() => {
              setComparedAnyway(true);
              props.reload();
            }}
          >
            {t.compareAnyway}
          </button>
          {comparedAnyway && (
            <div class="warning" role="status">
              {t.compareAnywayDone(analysis.page.text.replace(/\s/g, '').length)}
            </div>
          )}
        </EmptyState>
      )}
      {candidates.length === 0 && analysis.page.detect.speechLike && <EmptyState>{t.noMatches}</EmptyState>}
      {passages.length > 0 && (
        <ReuseMap
          textLength={analysis.page.text.length}
          passages={passages}
          colours={colours}
          titleOf={titleOf}
          selected={selected}
          onSelect={(i) => select(i, true)}
        />
      )}
      {candidates.length > 0 && (
        <CandidateList
          candidates={candidates}
          docs={analysis.docs}
          passages={passages}
          colours={colours}
          chosen={chosen}
          onChoose={setChosen}
          onOpen={(docId) => props.onOpenDoc({ docId })}
        />
      )}
      {(chosen || scope === 'all') && (
        <section class="passages" aria-label={scope === 'all' ? t.allPassagesTitle : titleOf(chosen!)}>
          <div class="passages-head">
            <h2>{scope === 'all' ? t.allPassagesTitle : titleOf(chosen!)}</h2>
            {new Set(passages.map((p) => p.docId)).size > 1 && (
              <Segmented
                label={t.passageScope}
                options={[
                  { key: 'source', label: t.scopeSource },
                  { key: 'all', label: t.scopeAll },
                ]}
                value={scope}
                onChange={setScope}
              />
            )}
            <Segmented
              label={t.viewMode}
              options={[
                { key: 'diff', label: t.viewDiff },
                { key: 'side', label: t.viewSideBySide },
              ]}
              value={mode}
              onChange={setMode}
            />
          </div>
          {mode === 'diff' && shown.length > 0 && (
            <p class="legend-line meta">
              <del>{t.deleted}</del> <ins>{t.inserted}</ins>
            </p>
          )}
          {shown.length === 0 && <EmptyState>{t.noPassagesForSource}</EmptyState>}
          {shown.map(({ p, i }) => (
            <PassageCard
              key={i}
              index={i}
              passage={p}
              pageText={analysis.page.text}
              docBody={bodies[p.docId]?.body}
              colour={colours.get(p.docId)}
              {...(scope === 'all' ? { sourceTitle: titleOf(p.docId) } : {})}
              mode={mode}
              selected={selected === i}
              onReveal={(idx) => select(idx, true)}
            />
          ))}
        </section>
      )}
    </div>
  );
}
