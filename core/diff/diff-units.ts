// The units the two diff passes compare (clauses, then characters), each mapped to one character
// so diff-match-patch can diff whole units (the diff_linesToChars_ idea).

export type Unit = [start: number, end: number];

/** Character units: inside a differing clause the diff runs on characters and is cleaned up
 *  semantically (diff_cleanupSemantic), which groups a swapped name or number into one pair;
 *  a word segmenter pass cost more than the rest of matching on a lightly edited page. */
export function charUnits(from: number, to: number): Unit[] {
  const out: Unit[] = [];
  for (let i = from; i < to; i++) out.push([i, i + 1]);
  return out;
}

const CLAUSE_END = /[，。；！？、：,.;!?:]/;
export function clauseUnits(text: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  let s = from;
  for (let i = from; i < to; i++)
    if (CLAUSE_END.test(text[i]!)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  if (s < to) out.push([s, to]);
  return out;
}

export function encode(text: string, units: Unit[], codes: Map<string, string>): string {
  let s = '';
  for (const [a, b] of units) {
    const key = text.slice(a, b);
    let c = codes.get(key);
    if (c === undefined) {
      let code = 0x100 + codes.size;
      if (code >= 0xd800) code += 0x800;
      c = String.fromCharCode(code);
      codes.set(key, c);
    }
    s += c;
  }
  return s;
}
