// Traditional → Simplified with OpenCC's own dictionaries, keeping the position map.
// Taiwan and Hong Kong variant forms are first folded to OpenCC's standard Traditional, then
// converted to Simplified, so zh-TW, zh-HK and generic Traditional all reach the same text.
// The chain mirrors opencc-js's tw2s/hk2s configs (segmentation by TSPhrases, then each stage
// converts each segment by longest match), but runs on mapped units instead of strings. Only the
// small Traditional→Simplified tables are imported (≈ 75 KB), never the 1 MB Simplified→Traditional ones.
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import { codePointAt, MappedText } from './mapped';

interface TrieNode {
  next?: Map<number, TrieNode>;
  /** Replacement code units when a key ends here. */
  value?: number[];
  valueCodePoints?: number;
}

interface Trie {
  root: Map<number, TrieNode>;
  /** 1 for every BMP unit that can start a key (high surrogate for astral keys): a cheap skip. */
  first: Uint8Array;
}

/** Loads dictionaries so that earlier ones win, as opencc's loadDictGroup does. */
function buildTrie(dicts: readonly string[]): Trie {
  const root = new Map<number, TrieNode>();
  const first = new Uint8Array(0x10000);
  for (let d = dicts.length - 1; d >= 0; d--) {
    for (const entry of dicts[d]!.split('|')) {
      const space = entry.indexOf(' ');
      if (space <= 0) continue;
      const key = entry.slice(0, space);
      // OpenCC lists alternatives separated by spaces; the first one is the conversion.
      const next = entry.indexOf(' ', space + 1);
      const value = entry.slice(space + 1, next < 0 ? undefined : next);
      first[key.charCodeAt(0)] = 1;
      let level = root;
      let node: TrieNode | undefined;
      for (let k = 0; k < key.length;) {
        const cp = key.codePointAt(k)!;
        k += cp > 0xffff ? 2 : 1;
        node = level.get(cp);
        if (!node) {
          node = {};
          level.set(cp, node);
        }
        // Only inner nodes get a child map: most keys are single characters.
        if (k < key.length) level = node.next ??= new Map();
      }
      if (!node) continue;
      node.value = [];
      for (let i = 0; i < value.length; i++) node.value.push(value.charCodeAt(i));
      let cps = 0;
      for (let k = 0; k < value.length; k++) {
        const u = value.charCodeAt(k);
        if (u < 0xdc00 || u > 0xdfff) cps++;
      }
      node.valueCodePoints = cps;
    }
  }
  return { root, first };
}

interface Converter {
  segmentation: Trie;
  stages: Trie[];
}

let converter: Converter | undefined;

function getConverter(): Converter {
  converter ??= {
    segmentation: buildTrie([TSPhrases]),
    stages: [
      buildTrie([TWVariantsRevPhrases, TWVariantsRev, HKVariantsRevPhrases, HKVariantsRev]),
      buildTrie([TSPhrases, TSCharacters]),
    ],
  };
  return converter;
}

/** Builds the converter now (≈ 15–30 ms) instead of on the first normalize() call. */
export function preloadT2S(): void {
  getConverter();
}

/** True once the converter has been built. */
export function isT2SLoaded(): boolean {
  return converter !== undefined;
}

let matchEnd = 0;
let matchNode: TrieNode | undefined;

/** Longest key of `trie` starting at unit i and ending at or before `limit`; sets matchEnd/matchNode. */
function longestMatch(trie: Trie, codes: Uint16Array, length: number, i: number, limit: number): boolean {
  matchNode = undefined;
  if (trie.first[codes[i]!] === 0) return false;
  let level: Map<number, TrieNode> | undefined = trie.root;
  let j = i;
  while (j < limit && level) {
    const cp = codePointAt(codes, length, j);
    const node: TrieNode | undefined = level.get(cp);
    if (!node) break;
    j += cp > 0xffff ? 2 : 1;
    if (node.value && j <= limit) {
      matchNode = node;
      matchEnd = j;
    }
    level = node.next;
  }
  return matchNode !== undefined;
}

function unitsOf(codes: Uint16Array, length: number, i: number): number {
  const c = codes[i]!;
  return c >= 0xd800 && c <= 0xdbff && i + 1 < length && codes[i + 1]! >= 0xdc00 && codes[i + 1]! <= 0xdfff ? 2 : 1;
}

/** Segment ends of opencc's segmentation step: phrase matches, and the runs between them. */
function segmentEnds(trie: Trie, input: MappedText): number[] {
  const ends: number[] = [];
  const { codes, length: n } = input;
  let inRun = false;
  for (let i = 0; i < n;) {
    if (longestMatch(trie, codes, n, i, n)) {
      if (inRun) ends.push(i);
      inRun = false;
      ends.push(matchEnd);
      i = matchEnd;
    } else {
      inRun = true;
      i += unitsOf(codes, n, i);
    }
  }
  if (inRun) ends.push(n);
  return ends;
}

/** True when the key's value is the key itself (OpenCC lists such entries): nothing to write. */
function isIdentity(node: TrieNode, codes: Uint16Array, i: number, end: number): boolean {
  const v = node.value!;
  if (v.length !== end - i) return false;
  for (let k = 0; k < v.length; k++) if (v[k] !== codes[i + k]) return false;
  return true;
}

/** One conversion stage over all segments; returns the output and its segment ends. Unchanged
 *  stretches are copied in bulk (most of a Simplified text goes through every stage untouched,
 *  and a push per unit per stage was the largest cost of normalize()). */
function convertStage(trie: Trie, input: MappedText, ends: readonly number[]): { out: MappedText; ends: number[] } {
  const { codes, starts, ends: origEnds, length: n } = input;
  const out = new MappedText(n + 16);
  const outEnds: number[] = [];
  /** Input units before this are already in `out`. */
  let copied = 0;
  let i = 0;
  for (const segEnd of ends) {
    while (i < segEnd) {
      if (longestMatch(trie, codes, n, i, segEnd)) {
        const node = matchNode!;
        const end = matchEnd;
        if (isIdentity(node, codes, i, end)) {
          i = end;
          continue;
        }
        out.copyFrom(input, copied, i);
        const value = node.value!;
        let inCps = 0;
        for (let k = i; k < end; k += unitsOf(codes, n, k)) inCps++;
        if (inCps === node.valueCodePoints) {
          // Same number of characters: character k of the value comes from character k of the key.
          let src = i;
          for (let k = 0; k < value.length;) {
            const w = value[k]! >= 0xd800 && value[k]! <= 0xdbff && k + 1 < value.length ? 2 : 1;
            const sw = unitsOf(codes, n, src);
            const s = starts[src]!;
            const e = origEnds[src + sw - 1]!;
            for (let q = 0; q < w; q++) out.push(value[k + q]!, s, e);
            k += w;
            src += sw;
          }
        } else {
          // Lengths differ: every output unit stands for the whole key.
          const s = starts[i]!;
          const e = origEnds[end - 1]!;
          for (const v of value) out.push(v, s, e);
        }
        i = end;
        copied = end;
      } else i++;
    }
    outEnds.push(out.length + (i - copied));
  }
  if (copied === 0) return { out: input, ends: outEnds };
  out.copyFrom(input, copied, n);
  return { out, ends: outEnds };
}

/** Converts mapped text from any Traditional variant to Simplified, keeping positions. */
export function t2sMapped(input: MappedText): MappedText {
  const conv = getConverter();
  let ends = segmentEnds(conv.segmentation, input);
  let current = input;
  for (const stage of conv.stages) {
    const step = convertStage(stage, current, ends);
    current = step.out;
    ends = step.ends;
  }
  return current;
}
