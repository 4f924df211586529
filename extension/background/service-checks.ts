// Checks of what arrives over messages, and small conversions the service methods share.
import type { PageText } from '../../core/model/page';
import { TUNABLES } from '../../core/model/tunables';

/** A lookup limit from a message, clamped to the tunable's bounds (bad values get the default). */
export function lookupLimit(limit: unknown): number {
  const { default: fallback, min, max } = TUNABLES.lookupLimit;
  return Math.max(min, Math.min(max, Math.floor(Number(limit) || fallback)));
}

export function checkPage(page: unknown): PageText {
  const p = page as Partial<PageText> | null;
  if (typeof p !== 'object' || p === null || typeof p.text !== 'string' || typeof p.url !== 'string') {
    throw new Error('analyzePage needs a page with url and text');
  }
  if (typeof p.detect !== 'object' || p.detect === null) throw new Error('analyzePage needs the detection result');
  return { url: p.url, title: typeof p.title === 'string' ? p.title : '', text: p.text, detect: p.detect };
}

export function checkTabId(tabId: unknown): number {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) throw new Error('a tab id is required');
  return tabId;
}
