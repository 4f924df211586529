// Template-site junk and page chrome, recognised one line at a time. Speech-sharing sites (文库,
// 范文网) wrap the text in ads, disclaimers, timestamps and widgets; none of it belongs to the
// speech, and left in it would be matched against the corpus as if the speaker had said it.
// Patterns name the site furniture itself (ICP, QQ, 小编, 本站), never speech vocabulary, so a real
// speech line is only flagged if it contains such furniture words — checked on all of corpus-external.
// Both Simplified and Traditional forms are written into the patterns: this runs in the content
// script, where no converter is loaded.

/** Lines that are junk wherever they appear and whatever their length. */
const ANYWHERE: RegExp[] = [
  /版[权權]所有|Copyright|©|All Rights Reserved/i,
  /ICP[备備证證]|[公网網]安[备備]\d|[备備]案[号號][:：]/i,
  /Powered\s+by/i,
  /QQ[群:：\s]*\d{5,}|咨[询詢]QQ|免[费費]QQ群|[会會][员員]群[:：]/i,
  /小[编編][为為]大家整理|供大家[参參]考。?$/,
  /[网網]友上[传傳]|本站[观觀][点點]/,
  /公文[写寫]作[门門]户[网網]站|求精文[档檔][网網]|[柠檸]檬文苑/,
  /[仅僅]供[学學][习習]\s*禁止外[传傳]/,
  /未[经經][授权權]{2}禁止[复複]制|禁止[复複]制或建立[镜鏡]像/,
  /若需要原[创創]文章|可咨[询詢]客服/,
  /[举舉][报報]倒[卖賣]|打[击擊]倒[卖賣]|倒[卖賣][会會][员員]/,
  /[订訂][阅閱]立享|[现現]在[订訂][阅閱]/,
  /酷[乐樂]文行|自建平台、?[实實][时時]分享/,
];

const SITE_LINK = '(?:登[录錄]|注[册冊]|[设設][为為]首[页頁]|加入收藏)';

/** Short lines that are whole widgets: the entire (trimmed) line must match. */
const WHOLE_LINE: RegExp[] = [
  // page timestamps and source lines: 时间:2022-04-22 02:26:00 / 发布时间：… 来源：…
  /^(?:[发發]布)?[时時][间間]\s*[:：]\s*\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:[来來]源|作者|[浏瀏][览覽]).*)?$/,
  /^(?:[来來]源|作者|[责責]任[编編][辑輯]|[浏瀏][览覽]次?[数數]?|[点點][击擊][数數]?)\s*[:：].{0,40}$/,
  // print/font widgets: 【字号：大 中 小】 打印 关闭
  /^[【[]?\s*字[号號]\s*[:：]?\s*[大中小\s]+[】\]]?(?:\s*(?:[打列]印|[关關][闭閉]|收藏|分享).*)?$/,
  /^(?:[【[]?\s*(?:[打列]印|[关關][闭閉](?:窗口)?|收藏|分享到?|返回(?:[顶頂]部)?|[纠糾][错錯])\s*[】\]]?\s*[|｜/]?\s*){1,6}$/,
  // navigation between articles and lists of related ones
  /^[上下]一[页頁]\s*[:：]?.{0,60}$/,
  /^(?:相[关關](?:文章|推[荐薦]|[阅閱][读讀]|[报報]道)|猜你喜[欢歡]|[热熱][门門]文章|(?:推[荐薦]|延伸)[阅閱][读讀])\s*[:：]?\s*$/,
  // breadcrumbs: 当前位置：首页 > 范文 > 讲话
  /^(?:[当當]前的?|[您你]的)位置\s*[:：]/,
  /^首[页頁]\s*[>»›／/]/,
  /^[导導][语語]\s*[:：].*(?:本站|[网網]友|原[创創]|客服)/,
  /^[上下]一篇/,
  // a template site's slogan: 根据实际需求和形式任务不断迭代 (a speech says that in a sentence, not alone)
  /^根[据據][^，,。；;]{2,20}不[断斷]迭代$/,
  // 登录 | 注册 | 设为首页 | 加入收藏
  new RegExp(`^${SITE_LINK}(?:\\s*[|｜/]\\s*${SITE_LINK})*$`),
];

/** True if the line is template junk or page chrome rather than part of the text. */
export function isJunkLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  for (const re of ANYWHERE) if (re.test(t)) return true;
  for (const re of WHOLE_LINE) if (re.test(t)) return true;
  return false;
}
