// Wires the real background proxy and the active tab into the panel; everything else lives in
// components/ so it can be tested with a fake service.
import { render } from 'preact';
import { App } from '../../components/app';
import { ServiceContext, type PanelServices } from '../../components/service-context';
import { onPanelEvent, suyuan } from '../../extension/messaging';
import { useActiveTabId } from './active-tab';
import '../../components/panel.css';

const services: PanelServices = { service: suyuan, onPanelEvent };

function Panel() {
  const tabId = useActiveTabId();
  return <App tabId={tabId} />;
}

render(
  <ServiceContext.Provider value={services}>
    <Panel />
  </ServiceContext.Provider>,
  document.getElementById('app')!,
);
