// Where a 提法 may begin and end. Intl.Segmenter's Chinese words (built into every engine the
// extension runs in: no dictionary shipped) are finer and less sure than a reader's: it cuts
// 习|近平, 攻|坚|战, 提|振, 粤|港澳|大湾|区. So a phrase edge is allowed only between two segments
// that both look like whole words: a lone Han character is glued to its neighbours (it is most
// often half of a word the segmenter did not know), unless it is a function word, and names and
// numbered terms (二十届三中全会, 十四五, 5.2%) are never cut.

/** Function words a 提法 never starts or ends with. */
export const LEADING_PARTICLES: ReadonlySet<string> = new Set([
  ...'的和与及或并而在对把将为从以向同跟被让给于之是了等要也都就还又再',
  ...['在于', '以及', '并且', '而且', '对于', '关于', '或者', '及其', '还是'],
]);

/** Characters that end a clause: a 提法 never crosses them. */
const CLAUSE_BREAK = /[\n\r。；;！!？?，,：:…—]/u;

/** Terms the segmenter may cut, and numbered terms; no phrase edge falls inside one. */
const WHOLE_TERMS = new RegExp(
  [
    '习近平|毛泽东|邓小平|江泽民|胡锦涛|周恩来|马克思|恩格斯',
    '一带一路|枫桥经验|粤港澳大湾区|京津冀|长三角|成渝',
    // 二十届三中全会, 二十大, 十四五, 2025年, 5.2%, 第三次
    '第?[〇零一二三四五六七八九十百千万两\\d.]+(?:届(?:[一二三四五六七八九十]+中全会)?|中全会|大|五|次|周年|年|月|日|号|个|项|条|批|家|亿|万|%|％)?',
  ].join('|'),
  'gu',
);

export type UnitKind = 'word' | 'particle' | 'punct' | 'break';

export interface Unit {
  start: number;
  end: number;
  kind: UnitKind;
}

let segmenter: Intl.Segmenter | null = null;
function words(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

const HAN = /\p{Script=Han}/u;

function kindOf(seg: string): UnitKind {
  if (CLAUSE_BREAK.test(seg)) return 'break';
  // 是以, 以及: a segment made only of function words is one.
  if (LEADING_PARTICLES.has(seg) || [...seg].every((c) => LEADING_PARTICLES.has(c))) return 'particle';
  if (/^[\s\p{P}\p{S}]+$/u.test(seg)) return 'punct';
  return 'word';
}

/** The clause around [start, end): from the last clause break before it to the first after. */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && !CLAUSE_BREAK.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !CLAUSE_BREAK.test(text[b]!)) b++;
  return { start: a, end: b };
}

/** Positions inside [from, to) where no edge may fall (inside a whole term). */
function glued(text: string, from: number, to: number): Set<number> {
  const out = new Set<number>();
  const s = text.slice(from, to);
  for (const m of s.matchAll(WHOLE_TERMS)) {
    if (m[0].length < 2) continue;
    for (let k = 1; k < m[0].length; k++) out.add(from + m.index + k);
  }
  return out;
}

const lone = (text: string, u: Unit) => u.kind === 'word' && u.end - u.start === 1 && HAN.test(text[u.start]!);

/** The units of text[from, to): segmenter words merged wherever an edge may not fall. */
export function phraseUnits(text: string, from: number, to: number): Unit[] {
  const raw: Unit[] = [];
  for (const seg of words().segment(text.slice(from, to))) {
    const start = from + seg.index;
    raw.push({ start, end: start + seg.segment.length, kind: kindOf(seg.segment) });
  }
  const inside = glued(text, from, to);
  const out: Unit[] = [];
  // A lone character is glued to the words on both sides (推动|高|质量 → one unit): which side it
  // belongs to is what the segmenter did not know.
  let after = false;
  for (const u of raw) {
    const prev = out[out.length - 1];
    const words = prev?.kind === 'word' && u.kind === 'word';
    const join = prev && (inside.has(u.start) || (words && (after || lone(text, u))));
    after = lone(text, u);
    if (join) {
      prev.end = u.end;
      prev.kind = 'word';
    } else out.push({ ...u });
  }
  return out;
}
