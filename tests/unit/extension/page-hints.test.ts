// What the content script sends for the page's own date besides its text (meta tags, header lines
// the extractor drops), what the background keeps of it, and what pageFacts makes of it.
import { afterEach, describe, expect, it } from 'vitest';
import { detect } from '../../../core/detect/detect';
import { detectSpeech } from '../../../core/detect/speech';
import { pageFacts } from '../../../core/evidence/page-facts';
import { extractFromDocument } from '../../../core/extract/from-dom';
import { checkPage } from '../../../extension/background/service-checks';
import { dateMeta, leadLines } from '../../../extension/content/page-hints';
import { seed } from '../../fixtures/corpus';

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

/** A government site's article page: date meta tags, a header line split into spans, the text. */
function govPage(body: string): string {
  const paras = body
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`)
    .join('');
  return `<head><title>在全县工作会议上的讲话</title>
<meta name="PubDate" content="2021-03-05 09:30">
<meta property="article:published_time" content="2021-03-05T09:30:00+08:00">
<meta name="keywords" content="讲话,工作会议">
<meta name="description" content="${'很长的描述'.repeat(40)}"></head>
<body><div class="head"><h1>在全县工作会议上的讲话</h1>
<div class="info"><span>发布时间：</span><span>2021年3月5日</span> <span>来源：县政府办公室</span></div></div>
<div id="article">${paras}</div>
<ul><li><a href="/1">其他文章</a><span>2019-01-01</span></li></ul></body>`;
}

describe('page hints', () => {
  it('sends the date meta tags, not the others, and the header line with its label and date', () => {
    document.documentElement.innerHTML = govPage(seed('002').body);
    expect(dateMeta(document)).toEqual({
      PubDate: '2021-03-05 09:30',
      'article:published_time': '2021-03-05T09:30:00+08:00',
    });
    // The largest element under 80 characters around the label: here the header, title included.
    expect(leadLines(document)).toBe('在全县工作会议上的讲话 发布时间：2021年3月5日 来源：县政府办公室');
    // The extractor drops that header line as page furniture: the text alone has no such label.
    expect(extractFromDocument(document).text).not.toContain('发布时间');
  });

  it('pageFacts dates the page from its meta tags, else from the lead line', () => {
    document.documentElement.innerHTML = govPage(seed('002').body);
    const { text, title } = extractFromDocument(document);
    const url = 'https://www.example.gov.cn/art/1.html';
    const lead = leadLines(document);
    expect(pageFacts({ text, title, url, meta: dateMeta(document), lead }).date).toBe('2021-03-05');
    expect(pageFacts({ text, title, url, lead }).date).toBe('2021-03-05');
    // Without either, the date is not the page's: the seed's text names other years.
    expect(pageFacts({ text, title, url }).date).not.toBe('2021-03-05');
  });

  it("the text's own dateline comes before the site's posting line, and that before the URL", () => {
    const lead = '发布时间：2024-05-16 来源：网友投稿';
    const url = 'https://x.gov.cn/2020/01/02/a.html';
    expect(pageFacts({ text: '（2019年5月6日）\n同志们：\n今天开会。', lead, url }).date).toBe('2019-05-06');
    expect(pageFacts({ text: '同志们：\n今天开会。', lead, url }).date).toBe('2024-05-16');
    expect(pageFacts({ text: '同志们：\n今天开会。', url }).date).toBe('2020-01-02');
  });

  it('the background completes the verdict with reasons and script, and bounds the hints', () => {
    const body = seed('002').body;
    const verdict = detectSpeech(body, '讲话');
    const page = checkPage({
      url: 'https://x.gov.cn/1.html',
      title: '讲话',
      text: body,
      detect: verdict,
      meta: { PubDate: '2021-03-05', huge: 'x'.repeat(5000), n: 3 },
      lead: 'l'.repeat(5000),
    });
    expect(page.detect).toEqual(detect(body, '讲话'));
    expect(page.meta).toEqual({ PubDate: '2021-03-05', huge: 'x'.repeat(200) });
    expect(page.lead).toHaveLength(1000);
    const tw = checkPage({ url: 'u', title: '', text: seed('004').body, detect: detectSpeech(seed('004').body) });
    expect(tw.detect.script).toBe('traditional');
    expect(tw.meta).toBeUndefined();
  });
});
