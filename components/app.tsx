// The side panel: header with language switch, four views in a tablist, and a reader that opens
// over them. Views stay mounted while hidden so each keeps its state (search, filter, choice).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BoilerplateView } from './boilerplate/boilerplate-view';
import { CompareView, type OpenDocRequest } from './compare/compare-view';
import { CorpusView } from './corpus/corpus-view';
import { detectLang, I18nContext, LANG_NAMES, MESSAGES, type Lang } from './i18n/i18n';
import { LookupView, type LookupRequest } from './lookup/lookup-view';
import { DocReader } from './reader/doc-reader';
import { usePanelEvent, useService } from './service-context';
import { TabPanel, Tabs } from './tabs';
import { useTabAnalysis } from './use-tab-analysis';

type View = 'compare' | 'boilerplate' | 'lookup' | 'corpus';
const LANG_KEY = 'suyuan.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && saved in MESSAGES) return saved as Lang;
  } catch {
    // storage can be unavailable (private mode, tests): fall back to the browser language
  }
  return detectLang(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export function App(props: { tabId: number | null; lang?: Lang }) {
  const service = useService();
  const [lang, setLangState] = useState<Lang>(props.lang ?? initialLang);
  const [view, setView] = useState<View>('compare');
  const [lookup, setLookup] = useState<LookupRequest | null>(null);
  const [reader, setReader] = useState<OpenDocRequest | null>(null);
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

  const startLookup = (query: string) => {
    setReader(null);
    setView('lookup');
    setLookup({ query, nonce: Date.now() + Math.random() });
  };

  // The context menu leaves its selection with the background; take it when the panel opens and
  // whenever the background says there is one.
  const takePending = (fallback?: string) =>
    service.takePendingLookup().then(
      (q) => {
        const query = q ?? fallback;
        if (query) startLookup(query);
      },
      () => fallback && startLookup(fallback),
    );
  useEffect(() => void takePending(), []);
  usePanelEvent((e) => {
    if (e.type === 'lookup') void takePending(e.query);
    if (e.type === 'show-passage' && e.tabId === props.tabId) {
      setReader(null);
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
          <select aria-label={t.language} value={lang} onChange={(e) => i18n.setLang(e.currentTarget.value as Lang)}>
            {(Object.keys(LANG_NAMES) as Lang[]).map((l) => (
              <option key={l} value={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </header>
        <Tabs
          tabs={tabs}
          active={view}
          label={t.tabsLabel}
          idPrefix="sy"
          onChange={(v) => {
            setReader(null);
            setView(v);
          }}
        />
        {reader && <DocReader request={reader} onClose={() => setReader(null)} />}
        <div class="views" hidden={reader !== null}>
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
