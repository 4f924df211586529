// A deliberately naive restatement of the normalisation rules, used as the oracle of the property
// tests: plain strings and regular expressions, and OpenCC's own Trie (segment + convert), instead
// of the mapped single-pass code in core/text.
import { Trie } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';

export const REF_WILDCARD = '\uE000';

const CLASSES: Array<[RegExp, string]> = [
  [/[,，、﹑]/g, '，'],
  [/[;；]/g, '；'],
  [/[:：︰]/g, '：'],
  [/[.。｡]/g, '。'],
  [/[!！]/g, '！'],
  [/[?？]/g, '？'],
  [/["'“”‘’「」『』〝〞`′″«»‹›]/g, '“'],
  [/[([{（【〔〖〘⦅]/g, '（'],
  [/[)\]}）】〕〗〙⦆]/g, '）'],
  [/[《〈<]/g, '《'],
  [/[》〉>]/g, '》'],
  [/[—\-‐‑‒–―─━−﹣]/g, '—'],
  [/[～~〜∼]/g, '～'],
  [/[·•・‧･∙]/g, '·'],
  [/[〇○◯]/g, '〇'],
];

/** Per code point: NFKC, lower case; then whitespace/invisibles removed and punctuation classes folded. */
export function refFold(s: string): string {
  let out = Array.from(s, (ch) => (ch === '⋯' ? '…' : ch).normalize('NFKC').toLowerCase()).join('');
  out = out.replace(/[\s\u00ad\u200b-\u200f\u2060]/g, '');
  for (const [re, to] of CLASSES) out = out.replace(re, to);
  return out;
}

let converter: ((s: string) => string) | undefined;

/** OpenCC's tw2s/hk2s chain: segment by TSPhrases, then variants, then Traditional→Simplified. */
export function refT2S(s: string): string {
  if (!converter) {
    const seg = new Trie();
    seg.loadDict(TSPhrases);
    const variants = new Trie();
    variants.loadDictGroup([TWVariantsRevPhrases, TWVariantsRev, HKVariantsRevPhrases, HKVariantsRev]);
    const ts = new Trie();
    ts.loadDictGroup([TSPhrases, TSCharacters]);
    converter = (text) =>
      seg
        .segment(text)
        .map((part) => ts.convert(variants.convert(part)))
        .join('');
  }
  return converter(s);
}

/** Character-level Traditional→Simplified only (no phrases): what a lone character becomes. */
const charTable = new Map<string, string>(
  [TSCharacters, TWVariantsRev, HKVariantsRev].flatMap((d) =>
    d.split('|').map((e) => {
      const [k, v] = e.split(' ');
      return [k!, v!] as [string, string];
    }),
  ),
);
export function refCharT2S(ch: string): string[] {
  const direct = charTable.get(ch);
  const twice = direct ? charTable.get(direct) : undefined;
  return [ch, ...(direct ? [direct] : []), ...(twice ? [twice] : [])];
}

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const DATE = '月日年号时份届次';
const NUM = '〇一二三四五六七八九十百千万零两0-9';
const PLACEHOLDERS: RegExp[] = [
  new RegExp(`(?<![a-z])(?:x{2,}|x(?=[${DATE}])|(?<=[${HAN}])x(?=[${HAN}]))(?![a-z])`, 'g'),
  new RegExp(`(?<!\\*)(?:\\*{2,}|\\*(?=[${DATE}])|(?<=[${HAN}])\\*(?=[${HAN}]))(?!\\*)`, 'g'),
  new RegExp(`(?<!×)(?:×{2,}|×(?=[${DATE}])|(?<=[${HAN}])×(?=[${HAN}]))(?!×)`, 'g'),
  new RegExp(`(?<![${NUM}])〇{2,}(?![${NUM}])`, 'g'),
  /某{2,}/g,
  /\uE000/g,
];

/** Placeholder runs, with digits glued to them, become one wildcard each. */
export function refPlaceholders(s: string): string {
  const mask = new Array<boolean>(s.length).fill(false);
  for (const re of PLACEHOLDERS) {
    for (const m of s.matchAll(re)) {
      let a = m.index;
      let b = m.index + m[0].length;
      while (a > 0 && /[0-9]/.test(s[a - 1]!)) a--;
      while (b < s.length && /[0-9]/.test(s[b]!)) b++;
      mask.fill(true, a, b);
    }
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (!mask[i]) out += s[i];
    else if (i === 0 || !mask[i - 1]) out += REF_WILDCARD;
  }
  return out;
}

export function refNormalize(s: string): string {
  return refPlaceholders(refT2S(refFold(s)));
}
