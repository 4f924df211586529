// Which view, reader or settings the panel shows, and the requests from outside (context-menu
// lookups, hover-card passages) that switch it; kept out of App so its layout stays short.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OpenDocRequest } from './compare/compare-view';
import type { LookupRequest } from './lookup/lookup-view';
import { usePanelEvent, useService } from './service-context';
import { useLatest } from './use-latest';

export type View = 'compare' | 'boilerplate' | 'lookup' | 'corpus';

export function usePanelNavigation(tabId: number | null) {
  const service = useService();
  const [view, setView] = useState<View>('compare');
  const [lookup, setLookup] = useState<LookupRequest | null>(null);
  const [reader, setReaderState] = useState<OpenDocRequest | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const gear = useRef<HTMLButtonElement>(null);

  // The reader and the settings share the space over the views: one at a time.
  const setReader = (req: OpenDocRequest | null) => {
    if (req) setSettingsOpen(false);
    setReaderState(req);
  };
  const toggleSettings = (open: boolean) => {
    setReaderState(null);
    setSettingsOpen(open);
    // Back where the user came from, not lost on <body>.
    if (!open) gear.current?.focus();
  };
  const showView = (v: View) => {
    setReader(null);
    setSettingsOpen(false);
    setView(v);
  };

  const startLookup = (query: string) => {
    setSettingsOpen(false);
    setReader(null);
    setView('lookup');
    setLookup({ query, nonce: Date.now() + Math.random() });
  };

  // The context menu leaves its selection with the background; take it when the panel opens and
  // whenever the background says there is one.
  const takePending = useLatest((fallback?: string) =>
    service.takePendingLookup().then(
      (q) => {
        const query = q ?? fallback;
        if (query) startLookup(query);
      },
      () => fallback && startLookup(fallback),
    ),
  );
  useEffect(() => void takePending(), [takePending]);
  usePanelEvent((e) => {
    if (e.type === 'lookup') void takePending(e.query);
    if (e.type === 'show-passage' && e.tabId === tabId) showView('compare');
  });

  return { view, showView, lookup, reader, setReader, settingsOpen, toggleSettings, gear, startLookup };
}
