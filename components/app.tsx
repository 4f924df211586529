// The side panel: header with language switch and settings gear, four views in a tablist, and a
// reader or the settings that open over them. Views stay mounted while hidden so each keeps its
// state (search, filter, choice); settings are not about the page, so they sit outside the tabs.
import { AppHeader } from './app-header';
import { BoilerplateView } from './boilerplate/boilerplate-view';
import { CompareView } from './compare/compare-view';
import { CorpusView } from './corpus/corpus-view';
import { FirstRun } from './first-run';
import { I18nContext, type Lang } from './i18n/i18n';
import { LookupView } from './lookup/lookup-view';
import { DocReader } from './reader/doc-reader';
import { SettingsView } from './settings/settings-view';
import { pageHost } from './settings/settings-input';
import { TabPanel, Tabs } from './tabs';
import { useAppI18n } from './use-app-i18n';
import { usePanelNavigation } from './use-panel-navigation';
import { useTabAnalysis } from './use-tab-analysis';

// Tests and older imports read the language choice from here.

export function App(props: {
  tabId: number | null;
  lang?: Lang;
  /** URL of the current tab when the host page can read it; else the analysed page's URL is used. */
  tabUrl?: string | null;
}) {
  const i18n = useAppI18n(props.lang);
  const nav = usePanelNavigation(props.tabId);
  const tab = useTabAnalysis(props.tabId);
  const t = i18n.t;
  const { view, reader, setReader, settingsOpen } = nav;

  const analysedUrl = tab.state.status === 'ready' ? tab.state.analysis?.page.url : undefined;
  const currentHost = pageHost(analysedUrl ?? props.tabUrl);

  const tabs = [
    { key: 'compare' as const, label: t.tabCompare },
    { key: 'boilerplate' as const, label: t.tabBoilerplate },
    { key: 'lookup' as const, label: t.tabLookup },
    { key: 'corpus' as const, label: t.tabCorpus },
  ];
  return (
    <I18nContext.Provider value={i18n}>
      <div class="app">
        <AppHeader settingsOpen={settingsOpen} gear={nav.gear} onToggleSettings={nav.toggleSettings} />
        <FirstRun />
        <Tabs tabs={tabs} active={view} label={t.tabsLabel} idPrefix="sy" onChange={nav.showView} />
        {reader && <DocReader request={reader} onClose={() => setReader(null)} />}
        {settingsOpen && <SettingsView pageHost={currentHost} onClose={() => nav.toggleSettings(false)} />}
        <div class="views" hidden={reader !== null || settingsOpen}>
          <TabPanel idPrefix="sy" tabKey="compare" active={view === 'compare'}>
            <CompareView tabId={props.tabId} state={tab.state} reload={tab.reload} onOpenDoc={setReader} />
          </TabPanel>
          <TabPanel idPrefix="sy" tabKey="boilerplate" active={view === 'boilerplate'}>
            <BoilerplateView state={tab.state} onLookup={nav.startLookup} />
          </TabPanel>
          <TabPanel idPrefix="sy" tabKey="lookup" active={view === 'lookup'}>
            <LookupView request={nav.lookup} onOpenDoc={setReader} />
          </TabPanel>
          <TabPanel idPrefix="sy" tabKey="corpus" active={view === 'corpus'}>
            <CorpusView tabId={props.tabId} onOpenDoc={setReader} />
          </TabPanel>
        </div>
      </div>
    </I18nContext.Provider>
  );
}
