// PRC administrative divisions (provinces, prefectures, counties) from the bundled GB/T 2260 list,
// with the short forms people write (西宁 for 西宁市, 内蒙古 for 内蒙古自治区, 大通 for 大通回族土族自治县).
// Parsed lazily on first use; names are found in text by longest match.
import { GAZETTEER_DATA } from './gazetteer-data';
import { startsWord } from './word-edges';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  /** The full official name, e.g. 西宁市. */
  name: string;
  level: PlaceLevel;
  province: string;
  /** The prefecture holding a county (empty for counties directly under a province). */
  city: string;
}

export interface PlaceHit {
  start: number;
  end: number;
  /** What the text says (a full name or a short form). */
  text: string;
  /** Every division this name may denote (short forms can be shared, e.g. 朝阳). */
  places: Place[];
  short: boolean;
}

const ETHNIC =
  '蒙古,回,藏,维吾尔,苗,彝,壮,布依,朝鲜,满,侗,瑶,白,土家,哈尼,哈萨克,傣,黎,傈僳,佤,畲,高山,拉祜,水,东乡,纳西,景颇,柯尔克孜,土,达斡尔,仫佬,羌,布朗,撒拉,毛南,仡佬,锡伯,阿昌,普米,塔吉克,怒,乌孜别克,俄罗斯,鄂温克,德昂,保安,裕固,京,塔塔尔,独龙,鄂伦春,赫哲,门巴,珞巴,基诺'
    .split(',')
    .flatMap((e) => (e.length >= 2 ? [e + '族', e] : [e + '族']))
    .sort((a, b) => b.length - a.length);

/** Short forms that are everyday words far more often than places (和平区, 城关镇, 东方市…). */
const NOT_SHORT = new Set(
  '和平,新华,城关,城中,城东,城西,城南,城北,市中,郊区,矿区,新城,东方,平安,红旗,城区,新区,开发,高新,白云,太平,吉利,江南,江北,河东,河西,中山,长安,东区,西区,南区,北区,向阳,前进,胜利,新兴,兴安,安定,宁安,光明,团结,友好,东风,先锋,中原,清河,青山,金山,铁西,铁东,新建,朝阳,泰山,松山,南山,北山,东山,西山,安宁,合作,大方,和顺,阳光,红星,新民,安康,共青,长寿,丰收,开放,海港,港口,沙河,桥东,桥西,路南,路北,双桥,新都,文化,资源,解放,共和,和政,工农,振兴,复兴,民和,平和,富裕,新和,中方,互助,同心,友谊,宏伟,方正,公安,兴国,大城,安居,惠民,通道,富民,政和,大安,延长,同德,爱民,大新,乐业,民权,福安,惠农,同仁,会同,比如,平原,安新,万年,大化,新安,太湖,三河,太和,金安,双城,南部,同安,江山,凤凰,兴业,建安,三元,运河,来安,三江,清新,长治,大关,资中,资兴,小金,杂多,扬中,高要,大通,修水,新干,大丰,磐石,威信,新平,会理,定西,上城,金水,融安,兴安,安康,长寿,安全,宣传,文明,建设,南海,大兴,兴和,平定,裕民,西和,山城,临城,通城,江源,镇安,建平,始兴,利通,上党,新市,金沙,定兴,平南'.split(
    ',',
  ),
);

/** Full names that are also everyday words (城区 of a city, 矿区 of a mine): never taken as places. */
const GENERIC = new Set(['城区', '郊区', '矿区', '东区', '西区', '南区', '北区', '市辖区', '新区']);

/** The short form of a full name, or null when it would be a single character or a common word. */
export function shortForm(name: string): string | null {
  let stem = name
    .replace(/(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|盟|省|市|县|区|旗)$/, '')
    .replace(/(壮族|回族|维吾尔)$/, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ETHNIC) {
      if (stem.length > e.length + 1 && stem.endsWith(e)) {
        stem = stem.slice(0, -e.length);
        changed = true;
      }
    }
  }
  if (stem === name || stem.length < 2 || NOT_SHORT.has(stem)) return null;
  // Names of zones (经济技术开发区, 新区管委会) have no everyday short form.
  if (/开发|管理|管委|新城|群岛|委员会|海域/.test(stem)) return null;
  return stem;
}

interface Table {
  places: Place[];
  /** Name (full or short) → the divisions it denotes; by the name's first UTF-16 code unit, then
   *  its second, so scanning a page slices no string and most positions stop at one array read. */
  byPrefix: Array<Map<number, Entry[]> | undefined>;
  byName: Map<string, Place[]>;
}

let table: Table | null = null;

function parse(): Place[] {
  const places: Place[] = [];
  for (const line of GAZETTEER_DATA.split('\n')) {
    const [province, ...cities] = line.split(';');
    places.push({ name: province!, level: 'province', province: province!, city: '' });
    for (const group of cities) {
      const [city, counties] = group.split(':');
      if (city) places.push({ name: city, level: 'city', province: province!, city });
      for (const county of counties ? counties.split(',') : []) {
        places.push({ name: county, level: 'county', province: province!, city: city! });
      }
    }
  }
  return places;
}

function build(): Table {
  const places = parse();
  const names = new Map<string, { places: Place[]; short: boolean }>();
  const add = (name: string, p: Place, short: boolean) => {
    const e = names.get(name);
    if (!e) names.set(name, { places: [p], short });
    else if (e.short === short) e.places.push(p);
    else if (!short) names.set(name, { places: [p], short }); // a full name beats a short form
  };
  for (const p of places) if (!GENERIC.has(p.name)) add(p.name, p, false);
  for (const p of places) {
    const s = shortForm(p.name);
    if (s) add(s, p, true);
  }
  const byPrefix: Table['byPrefix'] = new Array(65536);
  const byName = new Map<string, Place[]>();
  for (const [name, e] of names) {
    byName.set(name, e.places);
    if (name.length < 2) continue; // (a scan position always reads two characters)
    const second = (byPrefix[name.charCodeAt(0)] ??= new Map());
    const list = second.get(name.charCodeAt(1)) ?? [];
    list.push({ name, ...e });
    second.set(name.charCodeAt(1), list);
  }
  for (const second of byPrefix)
    if (second) for (const list of second.values()) list.sort((a, b) => b.name.length - a.name.length);
  return { places, byPrefix, byName };
}

function get(): Table {
  return (table ??= build());
}

export function allPlaces(): readonly Place[] {
  return get().places;
}

/** The divisions a name (full or short) denotes; empty when it is no place. */
export function placesNamed(name: string): Place[] {
  return get().byName.get(name) ?? [];
}

type Entry = { name: string; places: Place[]; short: boolean };

/** A full name whose suffix starts a word with the next character (西安区域, 和县城, 安康市场) is
 *  not that division: the name stops before the suffix, if it is one without it. */
const SUFFIX_WORD = /^(?:区[域间块位]|县[域城级乡]|市[场民区级县值容域]|省[份级域])/;

/** Read without its suffix, is this full name one character (和县 → 和) or another division's
 *  name (西安区 → 西安市)? Then a suffix that starts a word ends the name before it. A longer stem
 *  that names nothing else keeps the full name (凤凰县城市更新 is 凤凰县: 凤凰 is no other place). */
function stemIsOther(e: Entry): boolean {
  const stem = e.name.slice(0, -1);
  return stem.length < 2 || placesNamed(stem).some((p) => !e.places.includes(p));
}

/** The longest name starting at `i` (i + 1 < text.length), less a full name cut across a word by
 *  its suffix. */
function entryAt(text: string, i: number): Entry | undefined {
  const list = get().byPrefix[text.charCodeAt(i)]?.get(text.charCodeAt(i + 1));
  if (!list) return undefined;
  return list.find(
    (e) =>
      text.startsWith(e.name, i) &&
      (e.short || !SUFFIX_WORD.test(text.slice(i + e.name.length - 1)) || !stemIsOther(e)),
  );
}

/** Full names first, then short forms of provinces, of prefectures, of counties. */
const SHORT_RANK: Record<PlaceLevel, number> = { province: 2, city: 1, county: 0 };
const rank = (e: Entry): number => (e.short ? Math.max(...e.places.map((p) => SHORT_RANK[p.level])) : 3);

/** Two names overlap (美丽江苏: 丽江 and 江苏): the one the text's words start wins (美丽|江苏),
 *  else the better-ranked one. */
function yields(text: string, i: number, hit: Entry, j: number, other: Entry): boolean {
  if (startsWord(text, j, j + other.name.length)) return true;
  return !startsWord(text, i, i + hit.name.length) && rank(other) > rank(hit);
}

/** Every place name in `text`, longest match first, non-overlapping, in text order. A match
 *  that runs into another one starting inside it may give way to it (see yields). */
export function findPlaces(text: string): readonly PlaceHit[] {
  if (!memo) return scanPlaces(text);
  let hits = memo.get(text);
  if (!hits) memo.set(text, (hits = scanPlaces(text)));
  return hits;
}

/** Places found during withPlaces (a page's evidence reads the page's places four times: its own
 *  place, then the leftovers' three passes); none kept between pages. */
let memo: Map<string, readonly PlaceHit[]> | null = null;

/** Runs fn with findPlaces remembering each text's places until fn returns. */
export function withPlaces<T>(fn: () => T): T {
  const outer = memo;
  memo ??= new Map();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

function scanPlaces(text: string): PlaceHit[] {
  const hits: PlaceHit[] = [];
  for (let i = 0; i < text.length - 1;) {
    const hit = entryAt(text, i);
    const end = hit ? i + hit.name.length : i;
    let beaten = false;
    for (let j = i + 1; hit && j < end && !beaten; j++) {
      const other = entryAt(text, j);
      beaten = !!other && j + other.name.length > end && yields(text, i, hit, j, other);
    }
    if (!hit || beaten) {
      i++;
      continue;
    }
    hits.push({ start: i, end, text: hit.name, places: hit.places, short: hit.short });
    i = end;
  }
  return hits;
}

/** Is `inner` the same division as `outer`, or inside it? */
export function within(inner: Place, outer: Place): boolean {
  if (inner.name === outer.name && inner.level === outer.level) return true;
  if (outer.level === 'province') return inner.province === outer.name;
  if (outer.level === 'city') return inner.level === 'county' && inner.city === outer.name;
  return false;
}
