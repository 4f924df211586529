// The current tab's analysis, shared by the compare and boilerplate views: fetched when the tab
// changes and again whenever the background says that tab's analysis changed.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageAnalysis } from '../core/model/page';
import { errorText } from './format';
import { usePanelEvent, useService } from './service-context';

export type TabAnalysis =
  | { status: 'no-tab' }
  | { status: 'loading' }
  | { status: 'ready'; analysis: PageAnalysis | null }
  | { status: 'error'; message: string };

export function useTabAnalysis(tabId: number | null): { state: TabAnalysis; reload: () => void } {
  const service = useService();
  const [state, setState] = useState<TabAnalysis>(tabId === null ? { status: 'no-tab' } : { status: 'loading' });
  // Answers for a tab the user has since left are dropped.
  const current = useRef(tabId);
  current.current = tabId;

  const reload = useCallback(() => {
    if (tabId === null) {
      setState({ status: 'no-tab' });
      return;
    }
    setState((s) => (s.status === 'ready' && s.analysis ? s : { status: 'loading' }));
    service.getTabAnalysis(tabId).then(
      (analysis) => {
        if (current.current === tabId) setState({ status: 'ready', analysis });
      },
      (e: unknown) => {
        if (current.current === tabId) setState({ status: 'error', message: errorText(e) });
      },
    );
  }, [service, tabId]);

  useEffect(() => {
    setState(tabId === null ? { status: 'no-tab' } : { status: 'loading' });
    reload();
  }, [reload, tabId]);

  usePanelEvent((e) => {
    if (e.type === 'analysis-updated' && e.tabId === tabId) reload();
    if (e.type === 'corpus-changed') reload();
  });

  return { state, reload };
}
