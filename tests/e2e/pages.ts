// HTML for the generated test pages: real texts inside the kind of site chrome that copied
// speeches are found in (范文 sites: navigation, breadcrumbs, related-article lists, footers).
// Every resource is inline: a page must not itself cause a request the privacy check would flag.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function paragraphs(body: string): string {
  return body
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
}

/**
 * What a copier does: a different place, different figures. Changes the first few place words
 * and every run of digits in the first part of the text, so matching must survive small edits.
 */
export function perturb(body: string): { text: string; changes: number } {
  let changes = 0;
  const swaps: [RegExp, string][] = [
    [/我市/, '我县'],
    [/全市/, '全县'],
    [/我区/, '我旗'],
    [/全区/, '全旗'],
    [/市委/, '县委'],
  ];
  let text = body;
  for (const [from, to] of swaps) {
    for (let i = 0; i < 3 && from.test(text); i++) {
      text = text.replace(from, to);
      changes++;
    }
  }
  let digitRuns = 0;
  text = text.replace(/\d+/g, (run) => {
    if (digitRuns++ >= 8) return run;
    changes++;
    return String((Number(run) + 7) % 10 ** run.length).padStart(run.length, '0');
  });
  return { text, changes };
}

interface PageOptions {
  title: string;
  /** Inner HTML of the article. */
  article: string;
  lang?: string;
  charset?: string;
  /** Extra markup at the end of <body> (scripts of a single-page site, probes). */
  tail?: string;
  /** Extra markup in <head> (early probes). */
  head?: string;
  /** Breadcrumb after 首页: the site section the page sits in. */
  section?: string;
}

const style = `
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; background: #f4f4f4; }
header { background: #9b1c1c; color: #fff; padding: 10px 24px; }
header nav a { color: #fff; margin-right: 18px; text-decoration: none; }
.wrap { display: flex; gap: 24px; max-width: 1180px; margin: 16px auto; }
main { flex: 1; background: #fff; padding: 20px 32px; line-height: 1.9; }
aside { width: 260px; background: #fff; padding: 12px 16px; font-size: 14px; }
footer { text-align: center; color: #777; font-size: 13px; padding: 20px; }
.crumb { color: #888; font-size: 13px; }
`;

export function sitePage({
  title,
  article,
  lang = 'zh-CN',
  charset = 'utf-8',
  tail = '',
  head = '',
  section = '讲话稿 &gt; 领导讲话',
}: PageOptions): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="${charset}"><title>${escapeHtml(title)} - 范文网</title>
<style>${style}</style>${head}</head>
<body>
<header><nav><a href="/">首页</a><a href="/fanwen">范文大全</a><a href="/jianghua">讲话稿</a><a href="/zongjie">工作总结</a><a href="/login">登录</a></nav></header>
<div class="wrap">
<main id="content">
<div class="crumb">当前位置：首页 &gt; ${section}</div>
<h1 id="title">${escapeHtml(title)}</h1>
<div class="crumb">时间：2024-05-16 来源：网友投稿 阅读：1285次</div>
<article id="article">${article}</article>
<p class="crumb">本文由小编为大家整理，仅供参考。如需下载原文，请开通会员。</p>
</main>
<aside><h3>热门文章</h3><ul><li>2024年党支部工作计划</li><li>主题教育读书班心得体会</li><li>年度述职述廉报告范文</li><li>在全县经济工作会议上的讲话</li></ul>
<h3>推荐阅读</h3><ul><li>组织生活会个人对照检查材料</li><li>乡村振兴调研报告</li></ul></aside>
</div>
<footer>Copyright © 2024 范文网 版权所有 | 客服QQ：123456 | 备案号：京ICP备00000000号</footer>
${tail}
</body></html>`;
}

export function englishPage(): string {
  const body = [
    'The city council met on Tuesday to discuss the new bicycle lanes on Main Street.',
    'Residents raised concerns about parking, delivery vans and the safety of children walking to school.',
    'The council agreed to publish a revised plan next month and to hold two more public meetings.',
    'Local businesses said they would support the lanes if loading zones were kept near their shops.',
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council debates bicycle lanes - Town News</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main id="content"><h1>Council debates bicycle lanes</h1>
${[...body, ...body, ...body].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</main><footer>Copyright 2024 Town News</footer></body></html>`;
}
