// Which legacy decoding reads as Chinese? Right decodings are dense in the most frequent
// characters (Simplified or Traditional); wrong ones produce rare characters and U+FFFD.

const FREQUENT =
  // Shared by both scripts.
  '的一是在不了有和人中大上以要他到就出也可地于而子能下自之年作用所然家成方多去法如都同主力十三部' +
  '生定事面民日工心分公此已使明性知全又正外高物本前当好小些二' +
  // Simplified forms.
  '这个们为国会发时说对经过来动学实现还进关开问题样长从当与产业务义书党农决则别办区华单员团图场' +
  '处备头导将层应总战报权条机构标气没济点热环电种级组织结给统设证识话该语调资转边达运选间队际难领' +
  // Traditional forms.
  '這個們為國會發時說對經過來動學實現還進關開問題樣長從當與產業務義書黨農決則別辦區華單員團圖場' +
  '處備頭導將層應總戰報權條機構標氣沒濟點熱環電種級組織結給統設證識話該語調資轉邊達運選間隊際難領' +
  // Punctuation.
  '，。、：；“”（）《》';

const SET = new Set<number>(Array.from(FREQUENT, (c) => c.charCodeAt(0)));

/** Higher is more plausible; each U+FFFD costs as much as several frequent characters earn. */
export function chineseScore(text: string): {
  score: number;
  frequent: number;
  replacements: number;
  nonAscii: number;
} {
  let frequent = 0;
  let replacements = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replacements++;
    else if (SET.has(c)) frequent++;
  }
  return { score: frequent - 8 * replacements, frequent, replacements, nonAscii };
}

/** A decoding that reads as text: few U+FFFD, and (when there is enough non-ASCII to judge) a
 *  real share of frequent Chinese characters. Wrong CJK decodings score about 1 %, right ones 30 %+. */
export function isPlausible(text: string): boolean {
  const s = chineseScore(text);
  return s.replacements <= s.nonAscii * 0.02 && (s.nonAscii < 20 || s.frequent >= s.nonAscii * 0.05);
}
