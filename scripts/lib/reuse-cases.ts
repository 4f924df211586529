// Reuse cases for the matching evaluation, generated from real speeches with a fixed seed:
// each page comes with the page spans truly copied and the document they come from.
import type { Rng } from './rng';

export type CaseKind = 'light' | 'heavy' | 'short' | 'traditional' | 'html' | 'novel';

export interface ReuseCase {
  kind: CaseKind;
  page: string;
  /** Source document id (null for novel pages). */
  sourceId: string | null;
  /** Page spans copied from the source (original page offsets). */
  truth: Array<[number, number]>;
}

const NAMES = ['王建国', '李明华', '张志强', '刘洋', '陈静', '杨帆', '赵卫东', '孙丽', '周海涛', '吴刚'];
const SYNONYMS: Array<[string, string]> = [
  ['推进', '推动'],
  ['加强', '强化'],
  ['提高', '提升'],
  ['积极', '大力'],
  ['重要', '关键'],
  ['进一步', '更加'],
  ['全面', '全方位'],
  ['深入', '深度'],
  ['建设', '构建'],
  ['坚持', '始终坚持'],
  ['发展', '发展进步'],
  ['工作', '各项工作'],
  ['问题', '难题'],
  ['完善', '健全'],
  ['落实', '贯彻'],
];
const FILL =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';

/** A window of the body starting at a line start, about `len` characters long. */
export function excerpt(r: Rng, body: string, len: number): string {
  if (body.length <= len) return body;
  let start = r.int(0, body.length - len);
  const nl = body.lastIndexOf('\n', start);
  start = nl < 0 ? 0 : nl + 1;
  let end = Math.min(body.length, start + len);
  const nl2 = body.indexOf('\n', end);
  if (nl2 > 0 && nl2 - end < 200) end = nl2;
  return body.slice(start, end).trim();
}

export function lightEdit(r: Rng, s: string): string {
  let out = s.replace(/[0-9]+/g, (m) => (r.chance(0.7) ? [...m].map(() => String(r.int(0, 9))).join('') : m));
  out = out.replace(/[，。“”]/g, (c) => (r.chance(0.1) ? { '，': ',', '。': '.', '“': '"', '”': '"' }[c]! : c));
  // A name swapped in about every 300 characters.
  const chars = [...out];
  for (let i = r.int(50, 300); i < chars.length - 4; i += r.int(200, 400)) {
    if (!/[\u4e00-\u9fff]/.test(chars[i]!)) continue;
    chars.splice(i, r.int(2, 3), r.pick(NAMES));
  }
  return chars.join('');
}

export function heavyEdit(r: Rng, s: string): string {
  const clauses = s.split(/(?<=[，。；！？])/);
  const kept: string[] = [];
  for (const c of clauses) if (!(c.length > 4 && r.chance(0.08))) kept.push(c);
  for (let i = 0; i + 1 < kept.length; i++)
    if (r.chance(0.05) && !/\n/.test(kept[i]! + kept[i + 1]!)) {
      const t = kept[i]!;
      kept[i] = kept[i + 1]!;
      kept[i + 1] = t;
      i++;
    }
  let out = kept.join('');
  for (const [a, b] of SYNONYMS) out = out.replace(new RegExp(a, 'g'), (m) => (r.chance(0.4) ? b : m));
  const chars = [...out];
  for (let i = 0; i < chars.length; i++)
    if (/[\u4e00-\u9fff]/.test(chars[i]!) && r.chance(0.04)) chars[i] = FILL[r.int(0, FILL.length - 1)]!;
  return chars.join('');
}

/** A source excerpt of 300–600 characters set inside novel text. */
export function shortReuse(r: Rng, source: string, host: string): { page: string; span: [number, number] } {
  const piece = excerpt(r, source, r.int(300, 600)).slice(0, 600);
  const before = excerpt(r, host, r.int(800, 2000));
  const after = excerpt(r, host, r.int(800, 2000));
  const page = `${before}\n${piece}\n${after}`;
  return { page, span: [before.length + 1, before.length + 1 + piece.length] };
}

const CHROME_TOP =
  '<div class="nav"><a href="/">首页</a> | <a href="/xw">新闻中心</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">互动交流</a></div><div class="crumb">当前位置：首页 &gt; 领导讲话</div>';
const CHROME_BOTTOM =
  '<div class="footer"><p>版权所有：市人民政府办公室 主办单位：市人民政府办公室</p><p>网站标识码 1234567890 ICP备案号：京ICP备12345678号</p><ul><li><a href="/a">相关链接</a></li><li><a href="/b">打印本页</a></li><li><a href="/c">关闭窗口</a></li></ul></div>';

export function htmlPage(title: string, text: string): string {
  const paras = text
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}_市人民政府网</title></head><body>${CHROME_TOP}<div class="article"><h1>${title}</h1><div class="info">发布时间：2024-03-01 来源：办公室 【字号：大 中 小】</div><div class="content">${paras}</div></div>${CHROME_BOTTOM}</body></html>`;
}
