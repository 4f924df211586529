// Simplified or Traditional, without OpenCC: this runs in the content script, which must stay tiny.
// Counts frequent characters whose Simplified and Traditional forms differ and are each used
// only in their own script; the same rule as the corpus index (>80 % Traditional hits →
// traditional, <20 % → simplified, else mixed). The pairs are checked against OpenCC's
// TSCharacters table in tests/unit/text/script.test.ts.
import type { Script } from '../model/types';

export const SIMPLIFIED_FORMS =
  '这个们为国会发时说对经过来动学实现还进关开问题样长从当与产业务义书买亲众优传价体儿党农决况则别办劳区华单卫' +
  '历县参双变号员团图场坚处备头导将层岁师带广应总战报护担择协机权条极构标检气没济满点热爱环电确离种积稳级纪约' +
  '线组织终结给统继绩续维网职联节艺观规视计认议讲论设证评识话该语调谈责质资转较边达运远连选适钱门间队阶际陆险' +
  '难领项顺须风马验齐东两严举乐习';

export const TRADITIONAL_FORMS =
  '這個們為國會發時說對經過來動學實現還進關開問題樣長從當與產業務義書買親眾優傳價體兒黨農決況則別辦勞區華單衛' +
  '歷縣參雙變號員團圖場堅處備頭導將層歲師帶廣應總戰報護擔擇協機權條極構標檢氣沒濟滿點熱愛環電確離種積穩級紀約' +
  '線組織終結給統繼績續維網職聯節藝觀規視計認議講論設證評識話該語調談責質資轉較邊達運遠連選適錢門間隊階際陸險' +
  '難領項順須風馬驗齊東兩嚴舉樂習';

// Code unit → +1 simplified form, -1 traditional form. All forms are BMP characters.
const FORMS = new Map<number, number>();
for (let i = 0; i < SIMPLIFIED_FORMS.length; i++) FORMS.set(SIMPLIFIED_FORMS.charCodeAt(i), 1);
for (let i = 0; i < TRADITIONAL_FORMS.length; i++) FORMS.set(TRADITIONAL_FORMS.charCodeAt(i), -1);

export interface ScriptCounts {
  simplified: number;
  traditional: number;
}

/** Hits of Simplified-only and Traditional-only forms, stopping once `maxHits` are seen. */
export function scriptCounts(text: string, maxHits = 2000): ScriptCounts {
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < text.length && simplified + traditional < maxHits; i++) {
    const f = FORMS.get(text.charCodeAt(i));
    if (f === 1) simplified++;
    else if (f === -1) traditional++;
  }
  return { simplified, traditional };
}

/** 'simplified' when there is no evidence either way (no Chinese, or none of the listed forms). */
export function detectScript(text: string): Script {
  const { simplified, traditional } = scriptCounts(text);
  const hits = simplified + traditional;
  if (hits === 0) return 'simplified';
  const share = traditional / hits;
  if (share > 0.8) return 'traditional';
  if (share < 0.2) return 'simplified';
  return 'mixed';
}
