// The toolbar badge: the page's reuse share once matching is done, a neutral mark while the page
// is only known to be speech-like, nothing otherwise.
import { browser } from 'wxt/browser';
import type { PageAnalysis } from '../../core/model/page';

export const SPEECH_MARK = '讲';

export function badgeText(analysis: PageAnalysis | null): string {
  if (!analysis) return '';
  const { reuseRatio, passages } = analysis.match;
  if (passages.length > 0 && reuseRatio > 0) {
    const pct = Math.round(reuseRatio * 100);
    // A page with some reuse never reads "0%".
    return pct < 1 ? '<1%' : `${Math.min(pct, 100)}%`;
  }
  return analysis.page.detect.speechLike ? SPEECH_MARK : '';
}

/** MV3 has `action`; Firefox MV2 builds have `browserAction`. */
function actionApi(): typeof browser.action | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

export async function setBadge(tabId: number, text: string): Promise<void> {
  const action = actionApi();
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: text === SPEECH_MARK ? '#6b7280' : '#b91c1c' });
  } catch (err) {
    // The tab may have closed in the meantime.
    console.debug('[suyuan] badge:', err);
  }
}
