// One generic RPC over extension messages for the interfaces in protocol.ts. Callers use proxies
// that look like local objects; the receiving side registers a plain implementation. The logic
// lives in plain exported functions (dispatch*, callVia) so tests exercise it without relying on
// how a particular fake browser forwards listener replies.
import { browser } from 'wxt/browser';
import type { ContentService, PanelEvent, SuyuanService } from './protocol';

const TAG = '__suyuan';

/** Messages carry their direction in `kind`, so a listener never mistakes another's request. */
export type RpcKind = 'service' | 'content';

export interface RpcRequest {
  [TAG]: RpcKind;
  method: string;
  args: unknown[];
}

export interface PanelEventMessage {
  [TAG]: 'panel-event';
  event: PanelEvent;
}

/** Always an object (never a bare value) so `undefined`/`null` results survive transports that
 *  drop falsy replies. */
export type RpcReply = { ok: true; value: unknown } | { ok: false; error: string };

/** The part of a runtime.MessageSender the handlers look at. */
export interface SenderInfo {
  tab?: { id?: number };
}

type AnyService = Record<string, unknown>;

export function isRpcRequest(msg: unknown, kind: RpcKind): msg is RpcRequest {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return m[TAG] === kind && typeof m.method === 'string' && Array.isArray(m.args);
}

export function isPanelEventMessage(msg: unknown): msg is PanelEventMessage {
  return typeof msg === 'object' && msg !== null && (msg as Record<string, unknown>)[TAG] === 'panel-event';
}

/** Methods whose tabId argument, when the caller leaves it out, is the sender's tab: a content
 *  script does not know its own tab id. Index = position of the tabId argument. */
const SENDER_TAB_ARGUMENT: Record<string, number> = { analyzePage: 1, showPassage: 1, hoverPassage: 1 };

/** Runs one request against an implementation and packs the outcome as an RpcReply. */
export async function dispatchRequest(impl: object, req: RpcRequest, sender: SenderInfo = {}): Promise<RpcReply> {
  try {
    const fn = (impl as AnyService)[req.method];
    // Inherited Object methods (constructor, toString…) are never part of a service.
    if (typeof fn !== 'function' || Object.hasOwn(Object.prototype, req.method)) {
      throw new Error(`Unknown method: ${req.method}`);
    }
    const args = [...req.args];
    const tabArg = SENDER_TAB_ARGUMENT[req.method];
    if (tabArg !== undefined && args[tabArg] == null && sender.tab?.id != null) {
      while (args.length < tabArg) args.push(undefined);
      args[tabArg] = sender.tab.id;
    }
    const value: unknown = await (fn as (...a: unknown[]) => unknown).apply(impl, args);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Turns a reply back into a value, or throws an Error carrying the remote message. */
export function unpackReply(reply: unknown, method: string): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error(`No answer to ${method} (the receiving side is not running)`);
  }
  const r = reply as RpcReply;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A proxy whose every method sends {kind, method, args} through `send` and unpacks the reply. */
export function createProxy<T extends object>(kind: RpcKind, send: (req: RpcRequest) => Promise<unknown>): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      // Not thenable: awaiting the proxy itself must not send a "then" request.
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return async (...args: unknown[]) => {
        const req: RpcRequest = { [TAG]: kind, method: prop, args };
        return unpackReply(await send(req), prop);
      };
    },
  });
}

type Unsubscribe = () => void;

function listen(handler: (msg: unknown, sender: SenderInfo) => Promise<unknown> | undefined): Unsubscribe {
  // Returning the Promise is how Chromium (and Firefox) send an async reply; returning undefined
  // for messages that are not ours leaves them to other listeners.
  const listener = (msg: unknown, sender: SenderInfo) => handler(msg, sender);
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** The background's service, callable from the panel and content scripts. */
export const suyuan: Required<SuyuanService> = createProxy('service', (req) => browser.runtime.sendMessage(req));

/** Background: answers `suyuan.*` calls with `impl`. */
export function registerSuyuanService(impl: object): Unsubscribe {
  return listen((msg, sender) => (isRpcRequest(msg, 'service') ? dispatchRequest(impl, msg, sender) : undefined));
}

/** A proxy to the content script in one tab. */
export function contentService(tabId: number): ContentService {
  return createProxy('content', (req) => browser.tabs.sendMessage(tabId, req));
}

/** Content script: answers `contentService(tab).*` calls with `impl`. */
export function registerContentService(impl: ContentService): Unsubscribe {
  return listen((msg, sender) => (isRpcRequest(msg, 'content') ? dispatchRequest(impl, msg, sender) : undefined));
}

/** Panel: receive notifications. The callback never replies. */
export function onPanelEvent(cb: (ev: PanelEvent) => void): Unsubscribe {
  return listen((msg) => {
    if (isPanelEventMessage(msg)) cb(msg.event);
    return undefined;
  });
}

/** Broadcasts to open panels; resolves even when no panel is listening. */
export async function emitPanelEvent(event: PanelEvent): Promise<void> {
  const msg: PanelEventMessage = { [TAG]: 'panel-event', event };
  try {
    await browser.runtime.sendMessage(msg);
  } catch {
    // "Receiving end does not exist": no panel is open, which is normal.
  }
}
