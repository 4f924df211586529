// Regenerates samples/sample-page.html: a realistic page from a template 范文 site, encoded in GBK,
// whose speech copies bundled seed 000 (names, numbers and a few clauses changed, new paragraphs
// added) and borrows formulaic sentences from the 2023 national work report. `npm start` runs
// `suyuan match` on it. Run: npx tsx samples/make-sample.ts
import { readFile, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { parseDocumentFile } from '../core/corpus/front-matter';

const repo = new URL('..', import.meta.url);

/** Replaces `from` by `to`, insisting on exactly one occurrence so the sample stays what we say it is. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit must match once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function sentenceOf(body: string, key: string): string {
  const m = new RegExp(`[^。\\n]*${key}[^。\\n]*。`).exec(body);
  if (!m) throw new Error(`work report has no sentence with ${key}`);
  return m[0];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function main(): Promise<void> {
  const seed = parseDocumentFile(
    'seeds/000_c5f98e3d9855bd8c.md',
    await readFile(new URL('corpus/seeds/000_c5f98e3d9855bd8c.md', repo), 'utf8'),
  );
  const report = parseDocumentFile(
    'reports/gwr-2023.md',
    await readFile(new URL('corpus/reports/gwr-2023.md', repo), 'utf8'),
  );
  const formula1 = sentenceOf(report.body, '做好政府工作，要在以习近平同志为核心的党中央坚强领导下');
  const formula2 = sentenceOf(report.body, '着力解决人民群众急难愁盼问题');

  let s = seed.body;
  // Names and numbers a copier changes to fit their own county.
  s = edit(s, '省委组织部斯鑫良部长、市委组织部肖培生部长', '省委组织部王建国部长、市委组织部刘志强部长');
  s = edit(s, '活动从今年3月开始', '活动从今年5月开始');
  s = edit(s, '正确把握贯彻好六条工作原则', '正确把握贯彻好六项基本原则');
  s = edit(s, '对我区组织系统', '对我县组织系统');
  s = edit(s, '为推动**经济社会又好又快发展', '为推动全县经济社会高质量发展');
  // A few clauses rewritten.
  s = edit(s, '大家你追我赶,奋勇争先,', '兄弟县区比学赶超、竞相发展,');
  s = edit(s, '力争在全市乃至全省有影响,有位置。', '力争在全市考核中进入第一方阵。');
  // New paragraphs, and the work report's formula dropped in where a county speech would put it.
  s = edit(s, '同志们:\n\n', `同志们:\n\n今年是全面贯彻党的二十大精神的开局之年。${formula1}\n\n`);
  s = edit(
    s,
    '3、加强宣传,营造氛围。',
    `3、聚焦民生,务求实效。各单位要把活动成效体现到服务群众上来,坚持以人民为中心的发展思想,${formula2}\n\n4、加强宣传,营造氛围。`,
  );
  s +=
    '\n\n会后,各乡镇党委、县直各单位要在一周内将活动实施方案报县委组织部备案。县委组织部将适时组织督查,对工作不力、敷衍应付的单位予以通报。';

  const title = '县委组织部长在“讲党性、重品行、作表率”活动动员会上的讲话';
  const paragraphs = s
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `      <p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  const html = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>${escapeHtml(title)}_领导讲话_第一范文网</title>
<meta name="keywords" content="讲话稿,领导讲话,动员会讲话,范文">
<link rel="stylesheet" href="/static/css/style.css">
</head>
<body>
<div class="top-bar"><a href="/">设为首页</a> | <a href="/fav">加入收藏</a> | <a href="/login">登录</a> | <a href="/reg">注册</a></div>
<div class="header"><a href="/" class="logo">第一范文网</a>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/jianghua/">领导讲话</a></li><li><a href="/zongjie/">工作总结</a></li>
    <li><a href="/jihua/">工作计划</a></li><li><a href="/xindetihui/">心得体会</a></li><li><a href="/sixianghuibao/">思想汇报</a></li>
  </ul>
</div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/jianghua/">领导讲话</a> &gt; 正文</div>
<div class="wrap">
  <div class="main">
    <div class="article">
      <h1>${escapeHtml(title)}</h1>
      <div class="info">时间：2023-05-12 09:41:07　来源：网友投稿　浏览：3288次</div>
${paragraphs}
      <p class="tips">本文由网友上传，仅供参考。下面是小编为大家整理的相关范文，供大家参考。</p>
    </div>
    <div class="prenext"><p>上一篇：<a href="/jianghua/8811.html">在全县经济工作会议上的讲话</a></p><p>下一篇：<a href="/jianghua/8813.html">在全县安全生产工作会议上的讲话</a></p></div>
  </div>
  <div class="sidebar">
    <h3>相关文章</h3>
    <ul>
      <li><a href="/jianghua/8790.html">组织部长在全县组织工作会议上的讲话</a></li>
      <li><a href="/jianghua/8791.html">在“讲党性、重品行、作表率”活动总结会上的讲话</a></li>
      <li><a href="/jianghua/8792.html">县委书记在全县党建工作会议上的讲话范文</a></li>
      <li><a href="/jianghua/8793.html">机关党建工作推进会讲话稿（精选3篇）</a></li>
      <li><a href="/jianghua/8794.html">2023年组织部长务虚会讲话</a></li>
    </ul>
    <h3>热门文章</h3>
    <ul>
      <li><a href="/zongjie/5521.html">2023年上半年工作总结范文</a></li>
      <li><a href="/xindetihui/6602.html">学习二十大精神心得体会</a></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/copyright">版权声明</a></p>
  <p>Copyright (C) 2016-2023 第一范文网 版权所有 未经授权禁止复制或建立镜像</p>
  <p><a href="https://beian.miit.gov.cn/">豫ICP备16028573号-2</a></p>
</div>
<script src="/static/js/tongji.js"></script>
</body>
</html>
`;
  const bytes = iconv.encode(html, 'gbk');
  // GBK lacks some characters; a lossy encode would silently put '?' into the sample.
  if (iconv.decode(bytes, 'gbk') !== html) throw new Error('sample text is not representable in GBK');
  await writeFile(new URL('samples/sample-page.html', repo), bytes);
  console.log(`samples/sample-page.html: ${bytes.length} bytes GBK, speech ${s.length} chars`);
}

await main();
