// The page's own place: the division it names most, weighted toward the title and the opening,
// at the level the speech speaks for (全县 → a county, 全市 → a city, 全省 → a province).
import { findPlaces, type Place } from './gazetteer';

type Level = Place['level'];

/** Which division a jurisdiction word points at; 全市 may be a county-level city too. */
const SCOPE: Array<[RegExp, (p: Place) => boolean]> = [
  [/全县|全旗|县委|县政府/g, (p) => p.level === 'county' && /[县旗]$/.test(p.name)],
  [/全区|区委|区政府/g, (p) => (p.level === 'county' && p.name.endsWith('区')) || p.name.endsWith('自治区')],
  [/全市|市委|市政府/g, (p) => p.name.endsWith('市') && p.level !== 'province'],
  [/全州|全盟|州委|盟委/g, (p) => p.level === 'city' && /[州盟]$/.test(p.name)],
  [/全省|省委|省政府/g, (p) => p.level === 'province'],
  // A national text names provinces (港澳台, a list of regions) but speaks for none of them.
  [/全国|党中央|国务院|中央政府/g, () => false],
];

const LEVEL_RANK: Record<Level, number> = { county: 3, city: 2, province: 1 };

/** A national word (全国, 党中央) decides only when no local one is said nearly as often: a province's
 *  report says 全国 far more than a national one says 全省, yet speaks for its province. */
const NATIONAL_SHARE = 0.2;

function scopeTest(text: string): ((p: Place) => boolean) | null {
  let best: ((p: Place) => boolean) | null = null;
  let bestCount = 0;
  const national = SCOPE[SCOPE.length - 1]!;
  for (const [re, test] of SCOPE.slice(0, -1)) {
    const n = text.match(re)?.length ?? 0;
    if (n > bestCount) {
      best = test;
      bestCount = n;
    }
  }
  const nationalCount = text.match(national[0])?.length ?? 0;
  if (bestCount >= 2 && bestCount >= NATIONAL_SHARE * nationalCount) return best;
  return nationalCount >= 2 ? national[1] : null;
}

function tally(title: string, text: string): Map<Place, number> {
  const scores = new Map<Place, number>();
  const add = (source: string, weight: (start: number) => number) => {
    for (const hit of findPlaces(source)) {
      const w = weight(hit.start) * (hit.short ? 0.5 : 1);
      for (const p of hit.places) scores.set(p, (scores.get(p) ?? 0) + w / hit.places.length);
    }
  };
  add(title, () => 3);
  add(text, (start) => (start < 300 ? 2 : 1));
  return scores;
}

/** Three short-form mentions (西宁 ×3), or a full name in the title, or a full name twice. */
const MIN_SCORE = 1.5;

export function pagePlace(text: string, title = ''): string | null {
  const scores = tally(title, text);
  if (scores.size === 0) return null;
  const fits = scopeTest(title + '\n' + text);
  const ranked = [...scores].sort(
    (a, b) => b[1] - a[1] || LEVEL_RANK[b[0].level] - LEVEL_RANK[a[0].level] || (a[0].name < b[0].name ? -1 : 1),
  );
  // When the speech says whose it is (全县, 全市…), only a division of that level can be its place.
  const pick = fits ? ranked.find(([p]) => fits(p)) : ranked[0];
  return pick && pick[1] >= MIN_SCORE ? pick[0].name : null;
}
