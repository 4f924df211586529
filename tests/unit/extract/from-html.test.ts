// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../core/extract/from-html';
import { stripJunk } from '../../fixtures/strip-junk';
import { reports, seedPages, texts } from '../../fixtures/corpus';
import { wrapInChrome } from '../../fixtures/pages/wrap-in-chrome';

// Zero-width spaces (one report opens with one) are formatting: extraction drops them.
const squash = (s: string) => s.replace(/[\s\u200b]+/g, '');
const CHROME_WORDS =
  /版权所有|ICP|Powered|相关文章|热门文章|当前位置|字号|上一篇|下一篇|分享到|登录|范文大全|QQ群|会员群|浏览：/;

describe('extractFromHtml', () => {
  const seeds = seedPages();

  describe.each(['p', 'br', 'table'] as const)('a seed wrapped in page chrome (%s layout)', (layout) => {
    it.each(seeds.map((s, i) => [s.id, i] as const))('%s comes back as the speech without junk', (_file, i) => {
      const seed = seeds[i]!;
      const page = extractFromHtml(wrapInChrome(seed.title, seed.body, { seed: i + 1, layout }));
      expect(squash(page.text)).toBe(squash(stripJunk(seed.body)));
      expect(page.text).not.toMatch(CHROME_WORDS);
      expect(page.title).toBe(seed.title);
      // One line per paragraph: the speech's own line structure survives.
      expect(page.text.split('\n').length).toBe(
        stripJunk(seed.body)
          .split('\n')
          .filter((l) => l.trim() !== '').length,
      );
    });
  });

  // Every 7th text of ../shared's corpus-external and corpus-negative: tests/data/extract.test.ts.
  it('extracts the body of the bundled reports and the non-speech fixture texts from their pages', () => {
    const all = [...reports(), ...texts()].map((d) => ({ file: d.id, title: d.title, body: d.body }));
    expect(all.length).toBeGreaterThan(70);
    for (const [i, t] of all.entries()) {
      const page = extractFromHtml(wrapInChrome(t.title, t.body, { seed: i }));
      const want = squash(stripJunk(t.body));
      // The page's <h1> title may come along when it sits in the same box as the text.
      const got = squash(page.text).replace(
        new RegExp(`^${squash(t.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        '',
      );
      // Everything extracted is body text, and nearly all of the body is there.
      expect(want.includes(got), t.file).toBe(true);
      expect(got.length / want.length, t.file).toBeGreaterThan(0.98);
    }
  });

  it('decodes entities and drops scripts, styles, hidden and chrome-named elements', () => {
    const html = `<html><head><title>在全市大会上的讲话 - 某某网</title><style>p{}</style></head><body>
      <nav>首页 新闻</nav><div class="breadcrumb">当前位置：首页</div>
      <div id="content"><p>同志们&#xff1a;</p><p>今天&nbsp;我们召开&ldquo;全市大会&rdquo;，研究部署&amp;推进工作。</p>
      <script>var x = "不要这个";</script><p style="display:none">隐藏的文字不该出现在结果里，无论多长都一样。</p>
      <p hidden>另一段隐藏的文字，也不该出现。</p>
      <p>下面，我讲三点意见。一、要提高认识，切实增强责任感和使命感，确保各项工作落到实处。</p></div>
      <div class="comment-list"><p>网友评论：写得好，写得好，写得真好，支持支持！</p></div>
      <footer>版权所有</footer></body></html>`;
    const page = extractFromHtml(html);
    expect(page.title).toBe('在全市大会上的讲话');
    expect(page.text).toBe(
      '同志们：\n今天 我们召开“全市大会”，研究部署&推进工作。\n下面，我讲三点意见。一、要提高认识，切实增强责任感和使命感，确保各项工作落到实处。'.replace(
        '今天 我们',
        '今天我们',
      ),
    );
  });

  it('keeps Latin words apart and a plain text page whole', () => {
    expect(extractFromHtml('<p>Powered   up\nby   <b>the</b>  people 的 力量</p>').text).toBe(
      'Powered up by the people的力量',
    );
    expect(extractFromHtml('').text).toBe('');
  });
});
