// The few signals that separate an official speech or work report from other Chinese text.
// Every pattern carries the Simplified and the Traditional form: this runs in the content script,
// where no converter is loaded. Rates are per 1,000 Han characters so long and short texts compare.

export interface Features {
  /** A salutation opens the text or a paragraph: 同志们：/各位代表：/主席，/尊敬的… (0/1). */
  salutation: number;
  /** The title names a speech genre: 讲话/致辞/发言/报告… (0/1). */
  titleSpeech: number;
  /** The title is a news headline about a speech: …时强调/指出/述评/会见 (0/1). */
  titleNews: number;
  /** Share of paragraphs opening with an outline number 一、/（一）/第一，/首先 (capped). */
  outline: number;
  /** Directive words (要/必须/坚持/切实/进一步…) per 1,000 Han. */
  directive: number;
  /** The speaker addressing the room: 我们/我讲/我代表/大家… per 1,000 Han. */
  firstPerson: number;
  /** A closing formula: 谢谢大家/让我们…/同志们，… (0/1). */
  closing: number;
  /** Third-person reportage: 指出/强调/表示/记者/新华社/日电/据…报道 per 1,000 Han. */
  reportage: number;
  /** A news dateline in the first 200 characters (0/1). */
  dateline: number;
  /** Share of paragraphs that are statute articles: 第X条/第 N 條. */
  articles: number;
  /** Share of Latin letters and digits among non-space characters. */
  latin: number;
}

import { isJunkLine } from '../extract/junk';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

// A vocative that opens a paragraph (同志们：/各位代表：/主席，/尊敬的…), or the greeting of a letter.
const SALUTATION =
  /^[\s\u3000]*(?:[^\s。！？\n]{0,16}?(?:同志|同胞|朋友|代表|委[员員]|[来來][宾賓]|[乡鄉][亲親]|老[师師]|同[学學]|青年|[战戰]友|女士|先生)[们們]?[：:，,！!]|各位[^。\n]{0,12}[：:，,]|尊敬的|[代署]?理?主席[^。\n]{0,6}?[，,：:]|[亲親][爱愛]的)|你[们們]好[！!]|大家好[！!，,]/m;
const TITLE_SPEECH =
  /[讲講][话話]|致[辞辭詞]|[发發]言|[报報]告|[动動][员員]|[讲講]稿|演[讲講]|[讲講][课課]|[贺賀]信|[贺賀][词詞]|[会會][议議]上|大[会會]上/;
// A line of the text that is a speech's title ends with the genre (…上的讲话, …发言（摘要）); a
// section heading merely containing 报告 (报告漏洞) does not.
const SPEECH_HEADING = /(?:[讲講][话話]|致[辞辭詞]|[发發]言|演[讲講]|[报報]告|[讲講]稿)(?:[（(][^）)]{0,12}[）)])?$/;
// Headlines about a speech rather than the speech itself: X发表重要讲话, 主持并讲话, …时强调.
const TITLE_NEWS =
  /[发發]表.{0,6}[讲講][话話]|并[讲講][话話]|並[講讲][話话]|并[发發]表|時?[强強][调調]|指出|述[评評]|[会會][见見]|[答][记記]者|[记記]者|[综綜]述|[举舉]行|召开|召開|引[发發]|[宣][讲講]|出席|[报報]道/;
const OUTLINE =
  /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、是要]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[，,、]|首先|其次|再次|最后|最後)/;
const DIRECTIVE =
  /要|必[须須]|[坚堅]持|切[实實]|[进進]一步|着力|著力|推[动動]|加快|加[强強]|深入|[务務]必|大力|努力|确保|確保|落[实實]/g;
const FIRST_PERSON = /我[们們]|咱[们們]|我[讲講提想代相认認希]|大家|各位|在座/g;
const CLOSING = /[谢謝][谢謝](?:大家|各位|主席)?[！!。]?\s*$|[谢謝][谢謝]大家|[让讓]我[们們]|同志[们們][，,！!]/;
// Attribution of what someone said (强调，/指出，/表示： introducing indirect speech), and the
// furniture of news reports. A speaker states things; a report attributes them.
const REPORTAGE =
  /(?:[强強][调調]|指出|表示|要求)[，,：:]|[他她][^，。,\n]{0,4}[说說][，,：:]|新[华華]社|[记記]者|日[电電]|本[报報][讯訊]|据.{0,12}[报报]道|據.{0,12}[報报]道|[发發]表.{0,8}[讲講][话話]|主持(?:会议|會議|召开|召開|并|並)|出席(?:会议|會議|并|並)/g;
// A news dateline near the start: 新华社北京11月27日电 / 本报讯 / （记者 …）
const DATELINE =
  /新[华華]社.{0,12}日[电電]|日[电電][\s（(]|本[报報][讯訊]|[（(][记記]者|[记記]者\s*\S{2,4}\s*[报報][道]|央[视視][网網]消息|本台消息/;
const ARTICLE = /^[\s\u3000]*第\s*[一二三四五六七八九十百零〇\d]+\s*[条條]/;
const LATIN = /[A-Za-z0-9]/g;
const SPACE = /\s/g;
const COMRADES = /^[\s\u3000]*同志[们們][！!：:]/;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

/** Counts that add up over pieces of the text cut at line breaks (no pattern crosses a '\n'), so
 *  a long text can be counted a piece at a time: Han, directives, first person, reportage, Latin,
 *  non-space characters, non-blank lines, outline lines, statute articles, 同志们： lines. */
export type Counts = number[];

/** Adds piece `s` (whole lines of the text) to `into`. */
export function tally(s: string, into: Counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]): Counts {
  into[0]! += countMatches(HAN, s);
  into[1]! += countMatches(DIRECTIVE, s);
  into[2]! += countMatches(FIRST_PERSON, s);
  into[3]! += countMatches(REPORTAGE, s);
  into[4]! += countMatches(LATIN, s);
  into[5]! += s.length - countMatches(SPACE, s);
  for (const l of s.split('\n')) {
    if (l.trim() === '') continue;
    into[6]!++;
    if (OUTLINE.test(l)) into[7]!++;
    if (ARTICLE.test(l)) into[8]!++;
    if (COMRADES.test(l)) into[9]!++;
  }
  return into;
}

/** The first `n` non-blank lines of `text`, read only as far as they go. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  for (let a = 0; a <= text.length && out.length < n;) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    const l = text.slice(a, b);
    if (l.trim() !== '') out.push(l);
    a = b + 1;
  }
  return out;
}

/** The features of `text`; `counts` is tally(text), given when it was counted in pieces. */
export function features(text: string, title = '', counts: Counts = tally(text)): Features {
  const [hanCount, directive, firstPerson, reportage, latin, nonSpaceCount, lineCount, outline, articles, comrades] =
    counts;
  const han = Math.max(1, hanCount!);
  const nLines = Math.max(1, lineCount!);
  // The title, and the short lines that open the text (pages repeat the title there, and a
  // page's <title> is often the site's name).
  const opening = firstLines(text, 12)
    .filter((l) => !isJunkLine(l))
    .slice(0, 5)
    .map((l) => l.trim())
    .filter((l) => l.length <= 40);
  const head = text.slice(0, 600);
  const tail = text.slice(-400);
  const nonSpace = Math.max(1, nonSpaceCount!);
  return {
    salutation: SALUTATION.test(head) || comrades! > 0 ? 1 : 0,
    titleSpeech:
      (TITLE_SPEECH.test(title) && !TITLE_NEWS.test(title)) ||
      opening.some((l) => SPEECH_HEADING.test(l) && !TITLE_NEWS.test(l))
        ? 1
        : 0,
    titleNews: TITLE_NEWS.test(title) || opening.some((l) => TITLE_NEWS.test(l)) ? 1 : 0,
    outline: Math.min(1, outline! / Math.min(nLines, 30)),
    directive: (directive! * 1000) / han,
    firstPerson: (firstPerson! * 1000) / han,
    closing: CLOSING.test(tail) ? 1 : 0,
    reportage: (reportage! * 1000) / han,
    dateline: DATELINE.test(text.slice(0, 200)) ? 1 : 0,
    articles: articles! / nLines,
    latin: latin! / nonSpace,
  };
}
