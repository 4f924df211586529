// Issue 13, faults 1 and 4: the panel, the hover card and the context menu speak one language (the
// browser's, navigator.language); on Firefox the card names the sidebar and how to open it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLang } from '../../../components/use-app-i18n';
import { menuTitle } from '../../../extension/background/context-menu';
import { createHoverCard } from '../../../extension/content/hover-card';

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

/** Shows a card and returns its closed shadow root (captured as it is attached). */
function showCard(firefox: boolean): ShadowRoot {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  createHoverCard(document, () => {}, firefox).show({ passageIndex: 3, title: '讲话', similarity: 0.5 }, 0, 0);
  return attach.mock.results[0]!.value as ShadowRoot;
}

describe('one interface language', () => {
  it.each([
    ['zh-CN', 'zh-CN', '相似度 50%', '在侧边栏中查看对照 →', '在语料库中查找「%s」'],
    ['zh-HK', 'zh-TW', '相似度 50%', '在側邊面板中檢視對照 →', '在語料庫中查找「%s」'],
    ['en-US', 'en', 'Similarity 50%', 'Compare in the side panel →', 'Look up “%s” in the corpus'],
  ])('navigator.language %s: panel, card and menu agree', (tag, lang, meta, open, menu) => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(tag);
    localStorage.removeItem('suyuan.lang');
    expect(initialLang()).toBe(lang);
    expect(menuTitle()).toBe(menu);
    const root = showCard(false);
    expect(root.querySelector('.meta')!.textContent).toBe(meta);
    expect(root.querySelector('.open')!.textContent).toBe(open);
  });

  it('Firefox: the card says sidebar, and how to open it', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(showCard(true).querySelector('.open')!.textContent).toBe(
      'Open the sidebar (toolbar button or Alt+Shift+Y) to compare',
    );
  });
});
