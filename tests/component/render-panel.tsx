import { render } from '@testing-library/preact';
import { App } from '../../components/app';
import type { Lang } from '../../components/i18n/i18n';
import { ServiceContext } from '../../components/service-context';
import type { SuyuanService } from '../../extension/protocol';
import type { UserDocStore } from '../../extension/storage/user-docs';
import type { OriginPermissions } from '../../extension/permissions';
import type { EventBus } from './fixtures';

export function renderPanel(opts: {
  service: SuyuanService;
  bus: EventBus;
  tabId: number | null;
  lang?: Lang;
  docs?: UserDocStore;
  permissions?: OriginPermissions;
}) {
  const ctx = {
    service: opts.service,
    onPanelEvent: opts.bus.onPanelEvent,
    ...(opts.docs ? { docs: opts.docs } : {}),
    ...(opts.permissions ? { permissions: opts.permissions } : {}),
  };
  return render(
    <ServiceContext.Provider value={ctx}>
      <App tabId={opts.tabId} lang={opts.lang ?? 'zh-CN'} />
    </ServiceContext.Provider>,
  );
}
