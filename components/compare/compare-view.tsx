// The compare view for the current tab: summary, reuse map, ranked sources and the chosen
// source's passages with diffs. Every state has a message: no tab, pending, not a speech, no match.
import { useState } from 'preact/hooks';
import type { PageAnalysis } from '../../core/model/page';
import { EmptyState } from '../empty-state';
import { useI18n } from '../i18n/i18n';
import type { TabAnalysis } from '../use-tab-analysis';
import { CandidateList } from './candidate-list';
import { PassagesSection } from './passages-section';
import { ReuseMap } from './reuse-map';
import { SummaryBar } from './summary-bar';
import { LeftoverList } from '../evidence/leftover-list';
import { PageOlderWarning, TimelineView } from '../evidence/timeline-view';
import { useComparisonState } from './use-comparison-state';

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

/** What limited this analysis: the page's text cut for length, the team corpus unreachable. */
function Notices({ analysis }: { analysis: PageAnalysis }) {
  const { t } = useI18n();
  return (
    <>
      {analysis.page.truncated && (
        <div class="warning" role="status">
          {t.pageTruncated(analysis.page.text.length)}
        </div>
      )}
      {analysis.team?.error && (
        <div class="warning" role="status">
          {t.teamUnavailable(analysis.team.error)}
        </div>
      )}
    </>
  );
}

// State and actions live in useComparisonState and the passages in PassagesSection, so this reads
// as the page's layout: summary, leftovers, messages, map, sources, passages.
function Comparison(props: {
  tabId: number | null;
  analysis: PageAnalysis;
  reload: () => void;
  onOpenDoc: (req: OpenDocRequest) => void;
}) {
  const { t } = useI18n();
  const [comparedAnyway, setComparedAnyway] = useState(false);
  const { analysis } = props;
  const { passages, candidates } = analysis.match;
  const s = useComparisonState(props.tabId, analysis);

  return (
    <div class="compare">
      <SummaryBar analysis={analysis} onRefresh={props.reload} onExport={s.exportReport} />
      <LeftoverList analysis={analysis} onReveal={(l) => s.reveal(l.start, l.end)} />
      <PageOlderWarning analysis={analysis} />
      {s.error && (
        <div class="error" role="alert">
          {t.errorPrefix}
          {s.error}
        </div>
      )}
      <Notices analysis={analysis} />
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
          colours={s.colours}
          titleOf={s.titleOf}
          selected={s.selected}
          onSelect={(i) => s.select(i, true)}
        />
      )}
      {candidates.length > 0 && (
        <CandidateList
          candidates={candidates}
          pageText={analysis.page.text}
          docs={analysis.docs}
          passages={passages}
          colours={s.colours}
          chosen={s.chosen}
          onChoose={s.setChosen}
          onOpen={(docId) => props.onOpenDoc({ docId })}
        />
      )}
      <TimelineView
        analysis={analysis}
        colours={s.colours}
        onSelectPassage={(i) => s.select(i, true)}
        onOpenDoc={(docId) => props.onOpenDoc({ docId })}
      />
      {(s.chosen || s.scope === 'all') && <PassagesSection analysis={analysis} s={s} />}
    </div>
  );
}
