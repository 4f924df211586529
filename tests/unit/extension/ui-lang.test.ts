// Issue 13, faults 1 and 4: the panel, the hover card and the context menu speak one language (the
// browser's, navigator.language); on Firefox the card names the sidebar and how to open it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLang } from '../../../components/use-app-i18n';
import { menuTitle } from '../../../extension/background/context-menu';
import { createHoverCard } from '../../../extension/content/hover-card';
import { browserLang, menuViewPassage, pageStrings } from '../../../extension/ui-lang';

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

/** Shows a card and returns its closed shadow root (captured as it is attached). */
function showCard(firefox: boolean): ShadowRoot {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  createHoverCard(document, () => {}, pageStrings(browserLang(), firefox)).show(
    { passageIndex: 3, title: '讲话', similarity: 0.5 },
    0,
    0,
  );
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

  it.each([
    ['en-GB', 'To compare: right-click › View this passage in the sidebar, or Alt+Shift+Y'],
    ['zh-CN', '右键选「在侧栏中查看此段」或按 Alt+Shift+Y 查看对照'],
    ['zh-TW', '按右鍵選「在側欄中檢視此段」或按 Alt+Shift+Y 檢視對照'],
  ])('Firefox, %s: the card says sidebar, and names the menu item and the shortcut', (tag, open) => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(tag);
    expect(showCard(true).querySelector('.open')!.textContent).toBe(open);
    // The words name the menu item as the menu shows it.
    expect(open).toContain(menuViewPassage(browserLang(), true));
  });
});

describe("a 提法's card (issue 11): the phrase's document count, in every interface language", () => {
  it.each([
    ['zh-CN', '套话提法', '坚持稳中求进工作总基调 · 语料库中 31 篇讲话使用'],
    ['zh-TW', '套話提法', '坚持稳中求进工作总基调 · 語料庫中 31 篇講話使用'],
    ['en', 'Boilerplate phrase', '坚持稳中求进工作总基调 · used by 31 speeches in the corpus'],
  ])('%s', (tag, title, meta) => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(tag);
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    const onOpen = vi.fn();
    const card = createHoverCard(document, onOpen, pageStrings(browserLang(), false));
    card.show({ passageIndex: -1, title: '坚持稳中求进工作总基调', similarity: 0, formulaDocs: 31 }, 0, 0);
    const root = attach.mock.results[0]!.value as ShadowRoot;
    expect(root.querySelector('.title')!.textContent).toBe(title);
    expect(root.querySelector('.meta')!.textContent).toBe(meta);
    // Nothing to open: no passage is behind a 提法.
    expect((root.querySelector('.open') as HTMLElement).hidden).toBe(true);
    (root.querySelector('.card') as HTMLElement).click();
    expect(onOpen).not.toHaveBeenCalled();
  });
});
