// Is a swapped word a name (a place, a person, a body), told from the word and the text around it
// in the source — no NER: surnames with an official's title, the gazetteer, division suffixes.
import { placesNamed } from './gazetteer';

const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤斯骆',
  ),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '令狐', '尉迟', '皇甫'];

/** Titles written right before or after an official's name. */
const TITLE_BEFORE =
  /(?:书记|市长|县长|区长|省长|州长|旗长|部长|主任|局长|厅长|处长|主席|镇长|乡长|秘书长|委员|代表|总理|院长|同志)$/;
const TITLE_AFTER =
  /^(?:同志|书记|副?市长|副?县长|副?区长|副?省长|部长|主任|局长|厅长|主席|秘书长|委员|院长|在|讲话|强调|指出)/;

/** Division suffixes: a swapped word followed by one of these is a place. */
const DIVISION_AFTER = /^(?:省|市|县|区|旗|州|盟|镇|乡|街道|村|社区)/;

export type NameKind = 'place' | 'person';

function personLike(w: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(w)) return false;
  if (COMPOUND_SURNAMES.some((s) => w.startsWith(s))) return w.length >= 3;
  return SURNAMES.has(w[0]!) && w.length <= 3;
}

/** Kind of a word the source had at `at` (its offsets in `body`), swapped for `to` on the page;
 *  null when it is no name (an edited verb, a number, a level word like 全市). */
export function swapKind(from: string, to: string, body: string, at: number): NameKind | null {
  if (!/^\p{Script=Han}{2,12}$/u.test(from) || !/^[\p{Script=Han}A-Za-z×*]{1,12}$/u.test(to)) return null;
  if (placesNamed(from).length > 0) return 'place';
  const after = body.slice(at + from.length, at + from.length + 3);
  if (from.length <= 6 && DIVISION_AFTER.test(after) && !/^(?:全|本|我|该|各)/.test(from)) return 'place';
  const before = body.slice(Math.max(0, at - 4), at);
  if (personLike(from) && personLike(to) && (TITLE_BEFORE.test(before) || TITLE_AFTER.test(after))) return 'person';
  return null;
}

/** Bodies named after a place: 财政局, 供电公司, 人民医院 — a place inside one is an organisation's name. */
const ORG_TAIL =
  /^(?:[省市县区旗]|自治[州县])?[\p{Script=Han}]{0,8}?(?:局|委员会|委|厅|办公室|办|公司|集团|银行|医院|学校|中学|小学|大学|学院|中心|研究院|研究所|法院|检察院|公安局|供电局|站|队|社|协会|联合会)/u;

/** Length of an organisation name that continues a place name at `end` (0 when none). */
export function orgTail(text: string, end: number): number {
  const m = ORG_TAIL.exec(text.slice(end, end + 14));
  // A clause break inside is no name ("西宁市委、市政府" is a body; "西宁的企业" is not).
  return m && !/[，。、；：,.;:\s]/.test(m[0]) ? m[0].length : 0;
}
