// Checks of what arrives over messages, and small conversions the service methods share.
import { explain } from '../../core/detect/detect';
import type { PageText, SentPage } from '../../core/model/page';
import { TUNABLES } from '../../core/model/tunables';

/** A lookup limit from a message, clamped to the tunable's bounds (bad values get the default). */
export function lookupLimit(limit: unknown): number {
  const { default: fallback, min, max } = TUNABLES.lookupLimit;
  return Math.max(min, Math.min(max, Math.floor(Number(limit) || fallback)));
}

/** Meta tags and lead lines are hints for the page's own date: a few short strings at most. */
const MAX_META = 24;
const MAX_HINT = 200;
const MAX_LEAD = 1000;

function checkMeta(meta: unknown): Record<string, string> | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta).slice(0, MAX_META)) {
    if (typeof v === 'string' && k.length <= MAX_HINT) out[k] = v.slice(0, MAX_HINT);
  }
  return out;
}

/** The page as the content script sent it, its verdict completed here with the reasons and the
 *  script (the content script leaves them out to stay small), its date hints bounded. */
export function checkPage(page: unknown): PageText {
  const p = page as Partial<SentPage> | null;
  if (typeof p !== 'object' || p === null || typeof p.text !== 'string' || typeof p.url !== 'string') {
    throw new Error('analyzePage needs a page with url and text');
  }
  if (typeof p.detect !== 'object' || p.detect === null) throw new Error('analyzePage needs the detection result');
  const title = typeof p.title === 'string' ? p.title : '';
  const out: PageText = {
    url: p.url,
    title,
    text: p.text,
    detect: explain(p.detect, p.text, title),
  };
  const meta = checkMeta(p.meta);
  if (meta) out.meta = meta;
  if (typeof p.lead === 'string' && p.lead.trim()) out.lead = p.lead.slice(0, MAX_LEAD);
  if (p.truncated === true) out.truncated = true;
  return out;
}

export function checkTabId(tabId: unknown): number {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) throw new Error('a tab id is required');
  return tabId;
}
