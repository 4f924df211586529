// Components reach the background only through this context, so tests can hand them a fake
// service built on real data while main.tsx provides the messaging proxy.
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { PanelEvent, SuyuanService } from '../extension/protocol';
import { UserDocStore } from '../extension/storage/user-docs';
import { browserPermissions, type OriginPermissions } from '../extension/permissions';

export type PanelEventSource = (cb: (e: PanelEvent) => void) => () => void;

export interface PanelServices {
  service: SuyuanService;
  /** Subscribes to background notifications; returns the unsubscribe function. */
  onPanelEvent: PanelEventSource;
  /** The user corpus in IndexedDB, which the panel reads and writes directly for backups (the
   *  same database as the background's: one extension origin). Default: the real one. */
  docs?: UserDocStore;
  /** The browser's optional host permissions (the team corpus). Default: the real ones. */
  permissions?: OriginPermissions;
}

let defaultStore: UserDocStore | null = null;

export function useDocStore(): UserDocStore {
  const ctx = useContext(ServiceContext);
  return ctx?.docs ?? (defaultStore ??= new UserDocStore());
}

export function usePermissions(): OriginPermissions {
  return useContext(ServiceContext)?.permissions ?? browserPermissions;
}

export const ServiceContext = createContext<PanelServices | null>(null);

export function useService(): SuyuanService {
  const ctx = useContext(ServiceContext);
  if (!ctx) throw new Error('ServiceContext is missing: wrap the panel in <ServiceContext.Provider>');
  return ctx.service;
}

/** Calls `cb` for each panel event while the component is mounted (always the latest `cb`). */
export function usePanelEvent(cb: (e: PanelEvent) => void): void {
  const ctx = useContext(ServiceContext);
  const latest = useRef(cb);
  latest.current = cb;
  useEffect(() => ctx?.onPanelEvent((e) => latest.current(e)), [ctx]);
}
