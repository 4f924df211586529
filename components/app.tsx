// The side panel: header with language switch and settings gear, four views in a tablist, and a
// reader or the settings that open over them. Views stay mounted while hidden so each keeps its
// state (search, filter, choice); settings are not about the page, so they sit outside the tabs.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BoilerplateView } from './boilerplate/boilerplate-view';
import { CompareView, type OpenDocRequest } from './compare/compare-view';
import { CorpusView } from './corpus/corpus-view';
import { FirstRun } from './first-run';
import { detectLang, I18nContext, LANG_NAMES, MESSAGES, type Lang } from './i18n/i18n';
import { LookupView, type LookupRequest } from './lookup/lookup-view';
import { DocReader } from './reader/doc-reader';
import { usePanelEvent, useService } from './service-context';
import { useLatest } from './use-latest';
import { SettingsView } from './settings/settings-view';
import { pageHost } from './settings/settings-input';
import { TabPanel, Tabs } from './tabs';
import { useTabAnalysis } from './use-tab-analysis';

type View = 'compare' | 'boilerplate' | 'lookup' | 'corpus';
const LANG_KEY = 'suyuan.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && saved in MESSAGES) return saved as Lang;
  } catch {
    // storage can be unavailable (private mode, tests): fall back to the browser language
  }
  return detectLang(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export function App(props: {
  tabId: number | null;
  lang?: Lang;
  /** URL of the current tab when the host page can read it; else the analysed page's URL is used. */
  tabUrl?: string | null;
}) {
  const service = useService();
  const [lang, setLangState] = useState<Lang>(props.lang ?? initialLang);
  const [view, setView] = useState<View>('compare');
  const [lookup, setLookup] = useState<LookupRequest | null>(null);
  const [reader, setReaderState] = useState<OpenDocRequest | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const gear = useRef<HTMLButtonElement>(null);
  const tab = useTabAnalysis(props.tabId);

  const i18n = useMemo(
    () => ({
      lang,
      t: MESSAGES[lang],
      setLang: (l: Lang) => {
        setLangState(l);
        try {
          localStorage.setItem(LANG_KEY, l);
        } catch {
          // not persisted; the switch still applies to this session
        }
      },
    }),
    [lang],
  );
  const t = i18n.t;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

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
  const analysedUrl = tab.state.status === 'ready' ? tab.state.analysis?.page.url : undefined;
  const currentHost = pageHost(analysedUrl ?? props.tabUrl);

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
    if (e.type === 'show-passage' && e.tabId === props.tabId) {
      setReader(null);
      setSettingsOpen(false);
      setView('compare');
    }
  });

  const tabs = [
    { key: 'compare' as const, label: t.tabCompare },
    { key: 'boilerplate' as const, label: t.tabBoilerplate },
    { key: 'lookup' as const, label: t.tabLookup },
    { key: 'corpus' as const, label: t.tabCorpus },
  ];
  return (
    <I18nContext.Provider value={i18n}>
      <div class="app">
        <header class="app-header">
          <h1>{t.appName}</h1>
          <div class="header-tools">
            <select aria-label={t.language} value={lang} onChange={(e) => i18n.setLang(e.currentTarget.value as Lang)}>
              {(Object.keys(LANG_NAMES) as Lang[]).map((l) => (
                <option key={l} value={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
            <button
              type="button"
              ref={gear}
              class="icon-button"
              aria-label={t.settings}
              title={t.settings}
              aria-pressed={settingsOpen}
              onClick={() => toggleSettings(!settingsOpen)}
            >
              <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d="M19.4 13a7.8 7.8 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1l-.4-2.7h-4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L4.6 11a7.8 7.8 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.6 7.6 0 0 0 1.7 1l.4 2.7h4l.4-2.7a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.5L19.4 13zM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
                />
              </svg>
            </button>
          </div>
        </header>
        <FirstRun />
        <Tabs
          tabs={tabs}
          active={view}
          label={t.tabsLabel}
          idPrefix="sy"
          onChange={(v) => {
            setReader(null);
            setSettingsOpen(false);
            setView(v);
          }}
        />
        {reader && <DocReader request={reader} onClose={() => setReader(null)} />}
        {settingsOpen && <SettingsView pageHost={currentHost} onClose={() => toggleSettings(false)} />}
        <div class="views" hidden={reader !== null || settingsOpen}>
          <TabPanel idPrefix="sy" tabKey="compare" active={view === 'compare'}>
            <CompareView tabId={props.tabId} state={tab.state} reload={tab.reload} onOpenDoc={setReader} />
          </TabPanel>
          <TabPanel idPrefix="sy" tabKey="boilerplate" active={view === 'boilerplate'}>
            <BoilerplateView state={tab.state} onLookup={startLookup} />
          </TabPanel>
          <TabPanel idPrefix="sy" tabKey="lookup" active={view === 'lookup'}>
            <LookupView request={lookup} onOpenDoc={setReader} />
          </TabPanel>
          <TabPanel idPrefix="sy" tabKey="corpus" active={view === 'corpus'}>
            <CorpusView tabId={props.tabId} onOpenDoc={setReader} />
          </TabPanel>
        </div>
      </div>
    </I18nContext.Provider>
  );
}
