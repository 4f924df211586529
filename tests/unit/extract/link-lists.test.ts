// @vitest-environment happy-dom
// Huge link lists in the speech's own box (相关链接 after the text, links between paragraphs) and
// huge pages: the speech must still come out, and detect() must still call it a speech.
import { afterEach, describe, expect, it } from 'vitest';
import { detect } from '../../../core/detect/detect';
import { extractFromDocument } from '../../../core/extract/from-dom';
import { extractFromHtml } from '../../../core/extract/from-html';
import { stripJunk } from '../../fixtures/strip-junk';
import { seedPages } from '../../fixtures/corpus';
import { wrapInChrome } from '../../fixtures/pages/wrap-in-chrome';

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function load(html: string): Document {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1] ?? `<body>${html}</body>`;
  document.documentElement.innerHTML = inner.includes('<body') ? inner : `<body>${inner}</body>`;
  return document;
}

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

/** Link texts that look like what sits under a speech: titles of other speeches and notices. */
function linkTitle(i: number): string {
  return `相关链接：关于做好第${i}项重点工作的通知（${2000 + (i % 24)}年）`;
}

/** A seed page whose speech box also holds `count` linked items, as a <ul> after the speech
 *  or as bare <a>…<br> lines between the speech's paragraphs. */
function pageWithLinks(seedIndex: number, count: number, shape: 'list' | 'inline'): string {
  const seed = seedPages()[seedIndex]!;
  const html = wrapInChrome(seed.title, seed.body, { seed: seedIndex + 1, layout: 'p' });
  const items = Array.from({ length: count }, (_, i) => `<a href="/r/${i}.html">${esc(linkTitle(i))}</a>`);
  if (shape === 'list') {
    const list = `<ul class="list">${items.map((a) => `<li>${a}</li>`).join('')}</ul>`;
    return html.replace(/(<div id="article-body">[\s\S]*?)(<\/div>\n<div class="share-box">)/, `$1${list}$2`);
  }
  // Links in runs of 50 between the paragraphs, each on its own line.
  let k = 0;
  return html.replace(/<\/p>\n/g, () => `</p>\n${items.slice(k, (k += 50)).join('<br>')}\n`);
}

describe('link lists inside the speech box', () => {
  const seeds = seedPages();

  it.each([0, 2, 3])('seed %i followed by 5,000 related links: the speech comes out, and it is speech-like', (i) => {
    const seed = seeds[i]!;
    const html = pageWithLinks(i, 5000, 'list');
    expect(html).toContain(linkTitle(4999)); // the list really is in the page
    const page = extractFromDocument(load(html));
    const want = squash(stripJunk(seed.body));
    const got = squash(page.text);
    expect(got).not.toContain('相关链接');
    // All of the speech (the <h1> title may lead it), nothing else.
    expect(got.endsWith(want) || got === want, seed.id).toBe(true);
    expect(got.length - want.length).toBeLessThanOrEqual(squash(seed.title).length);
    expect(detect(page.text, page.title).speechLike).toBe(true);
    expect(page.title).toBe(seed.title);
    // The HTML-file import scores the same page the same way.
    expect(extractFromHtml(html).text).toBe(page.text);
  });

  it('links between the paragraphs (2,500 <a>…<br> lines) are dropped, the paragraphs kept', () => {
    const seed = seeds[1]!;
    const page = extractFromDocument(load(pageWithLinks(1, 2500, 'inline')));
    expect(page.text).not.toContain('相关链接');
    expect(squash(page.text).endsWith(squash(stripJunk(seed.body)))).toBe(true);
    expect(detect(page.text, page.title).speechLike).toBe(true);
  });

  it('a list item with a little link and a lot of prose is prose', () => {
    const doc = load(
      `<div id="c"><ul><li>今天我们召开全市工作会议，<a href="/x">全面部署</a>今年的经济社会发展任务，要切实抓好落实。</li></ul></div>`,
    );
    expect(extractFromDocument(doc).text).toBe(
      '今天我们召开全市工作会议，全面部署今年的经济社会发展任务，要切实抓好落实。',
    );
  });
});

describe('a page much larger than the walk', () => {
  it('checks hidden and chrome-id elements one by one when the up-front query would cost more than the walk', () => {
    // 3,000 trailing elements: more than twice maxNodes, so the per-element checks run.
    const tail = '<i></i>'.repeat(3000);
    const doc = load(`<div id="main"><p>同志们：今天我们在这里召开会议，主要任务是总结工作、部署任务、统一思想。</p>
      <p style="display:none">这一段是隐藏的文字，不应该出现在结果里面，无论多长都一样。</p>
      <div id="footer-links"><p>这是页脚里面的一段文字，也不应该出现在结果里面。</p></div>
      <p hidden>另一段隐藏的文字，同样不应该出现在结果里面。</p></div>${tail}`);
    const page = extractFromDocument(doc, { maxNodes: 1000 });
    expect(page.text).toBe('同志们：今天我们在这里召开会议，主要任务是总结工作、部署任务、统一思想。');
    // The same page through the up-front query gives the same answer.
    expect(extractFromDocument(doc).text).toBe(page.text);
  });
});
