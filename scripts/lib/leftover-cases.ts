// Pages for the leftover evaluation, generated from real documents in ../shared with a fixed seed.
// A copier takes a provincial 2026 report or a seed speech and makes it their own: every name of
// the source's jurisdiction (via the gazetteer, full and short forms), its officials' names, its
// years and the level words (全省 → 全市) are swapped for the page's own — except one or two
// occurrences, which are the truth. Some of those are left as a template slot instead (XX市,
// 某某, X月X日). Faithful pages: the same swap with nothing left, or the source reposted verbatim.
//
// The truth is the generator's, not the detector's: what counts as a name here is a gazetteer hit
// inside the source's jurisdiction minus the occurrences read by hand as no name (NOT_NAMES: 示范县
// is no 范县), years come from a plain regex, officials from a hand list.
import { allPlaces, findPlaces, placesNamed, shortForm, within, type Place } from '../../core/evidence/gazetteer';
import type { CorpusDoc } from '../../core/model/types';
import type { Rng } from '../../tests/fixtures/rng';

export type TruthKind = 'place' | 'organisation' | 'person' | 'date' | 'placeholder';

export interface TruthSpan {
  start: number;
  end: number;
  kind: TruthKind;
  /** True for a slot the source itself had (the seeds' 党的**大): not something the copier left. */
  native?: boolean;
}

export type PageKind = 'copy' | 'faithful' | 'verbatim';

export interface LeftoverCase {
  kind: PageKind;
  sourceId: string;
  page: string;
  url: string;
  truth: TruthSpan[];
  /** Where the page's own place and date come from in the text. */
  place: string;
  year: number;
}

/** Gazetteer hits in the provincial reports that are no place there, read by hand: the hit with
 *  the characters around it that show it (示范县 ≠ 范县, 航天等 ≠ 天等县, 一马平川 ≠ 平川区). */
const NOT_NAMES = ['示范县', '和县城', '航天等', '固安全', '马平川', '驻辽中央', '顺应城市'];

/** Officials named in the seeds (the copier renames them). */
const OFFICIALS = ['骆惠宁', '斯鑫良', '肖培生', '李志华', '李志華'];
const NEW_NAMES = ['王建国', '李明华', '张志强', '刘卫东', '陈海涛', '杨晓峰', '赵文斌', '周国平'];

/** The level word a place's own speech uses (全省, 全区 for an autonomous region, 全市, 全县, 全旗),
 *  which a copier changes with the place. */
function levelWord(p: Place): string {
  return /(省|市|县|区|旗|州|盟)$/.exec(p.name)?.[1] ?? '市';
}

interface Occurrence {
  start: number;
  end: number;
  kind: TruthKind;
  /** The same name elsewhere: the copier swaps all but the left ones. */
  key: string;
  replacement: string;
  /** What a template would have here instead. */
  slot: string;
}

function isNotName(body: string, start: number, end: number): boolean {
  return NOT_NAMES.some((w) => {
    const around = body.slice(Math.max(0, start - w.length), end + w.length);
    return around.includes(w);
  });
}

const ORG_AFTER = /^(?:[省市县区])?[\p{Script=Han}]{0,6}?(?:局|厅|委员会|公司|集团|银行|医院|大学|学院|法院|检察院)/u;

function placeOccurrences(body: string, own: Place, target: Place, r: Rng): Occurrence[] {
  const map = new Map<string, string>();
  // A county page names its neighbours (the other counties of its city) where the source named its own.
  const scope = target.level === 'county' ? (placesNamed(target.city)[0] ?? target) : target;
  const below = allPlaces().filter(
    (p) => p !== target && p.level !== 'province' && within(p, scope) && shortForm(p.name) && !body.includes(p.name),
  );
  const pool = (level: Place['level']) => {
    const same = below.filter((p) => p.level === level);
    return same.length ? same : below.length ? below : [target];
  };
  const out: Occurrence[] = [];
  for (const h of findPlaces(body)) {
    const p = h.places.find((x) => within(x, own));
    if (!p || isNotName(body, h.start, h.end)) continue;
    if (!map.has(h.text)) {
      const to = p === own ? target : r.pick(pool(p.level === 'province' ? 'city' : p.level));
      map.set(h.text, h.short ? (shortForm(to.name) ?? to.name) : to.name);
    }
    const org = ORG_AFTER.exec(body.slice(h.end, h.end + 10));
    const kind = org && !/[，。、；：]/.test(org[0]) ? 'organisation' : 'place';
    const slot = h.short ? 'XX' : 'XX' + h.text.slice(-1);
    out.push({ start: h.start, end: h.end, kind, key: h.text, replacement: map.get(h.text)!, slot });
  }
  return out;
}

const HAN_DIGITS = '〇一二三四五六七八九';
const hanYear = (y: number) => [...String(y)].map((d) => HAN_DIGITS[Number(d)]).join('');

/** Years of the source's time (its year ± 1): 2025年, a dateline's 2026-02-09, 二〇二六年. */
function yearOccurrences(body: string, year: number, delta: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of body.matchAll(
    /(?<!\d)(20\d\d)(?=年|[-./]\d{1,2}[-./]\d{1,2})|二[〇○零][〇○零一二三四五六七八九]{2}(?=年)/g,
  )) {
    const han = !m[1];
    const y = han
      ? Number([...m[0]].map((c) => Math.max(0, HAN_DIGITS.indexOf(c.replace(/[○零]/, '〇')))).join(''))
      : Number(m[1]);
    if (Math.abs(y - year) > 1) continue;
    const replacement = han ? hanYear(y + delta) : String(y + delta);
    out.push({ start: m.index, end: m.index + 4, kind: 'date', key: m[0], replacement, slot: '20XX' });
  }
  return out;
}

function personOccurrences(body: string, r: Rng): Occurrence[] {
  const out: Occurrence[] = [];
  for (const name of OFFICIALS) {
    const to = r.pick(NEW_NAMES);
    for (let i = body.indexOf(name); i !== -1; i = body.indexOf(name, i + 1))
      out.push({ start: i, end: i + name.length, kind: 'person', key: name, replacement: to, slot: '某某' });
  }
  return out;
}

/** The seeds' own template slots, by a plain regex of the forms templates use. */
function nativeSlots(text: string): TruthSpan[] {
  const out: TruthSpan[] = [];
  for (const m of text.matchAll(/\d*(?:[xX×＊*]{2,}|某某)(?:[年月日号])?|[X×]{1,2}月[X×]{1,2}日/g))
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'placeholder', native: true });
  return out;
}

/** Which occurrences stay: one or two, of a kind drawn from a realistic mix; a person only when
 *  another occurrence of the name is swapped (else nothing on the page says it is the source's). */
function pickLeft(occ: Occurrence[], r: Rng): Set<Occurrence> {
  const count = new Map<string, number>();
  for (const o of occ) count.set(o.key, (count.get(o.key) ?? 0) + 1);
  const eligible = occ.filter((o) => o.kind !== 'person' || count.get(o.key)! >= 2);
  const left = new Set<Occurrence>();
  const n = r.chance(0.5) ? 1 : 2;
  // Officials are named in few sources (seed 002 only): where one can be left, it is, every other page.
  const person = eligible.some((o) => o.kind === 'person') && r.chance(0.5);
  for (let tries = 0; left.size < n && tries < 50; tries++) {
    const want =
      person && tries === 0 ? 'person' : r.pick(['place', 'place', 'place', 'date', 'date', 'organisation'] as const);
    const of = eligible.filter((o) => o.kind === want && !left.has(o));
    if (of.length === 0) continue;
    const o = r.pick(of);
    if (o.kind === 'person' && [...left].some((x) => x.key === o.key)) continue;
    left.add(o);
  }
  return left;
}

export interface SourceDoc extends CorpusDoc {
  date: string;
  place: string;
}

/** Rewrites `source` for `target` dated `year`: everything swapped but `left` (and `slots`, left
 *  as template slots). Returns the page and the truth spans in it. */
function rewrite(
  source: SourceDoc,
  occ: Occurrence[],
  left: Set<Occurrence>,
  slots: Set<Occurrence>,
  target: Place,
  year: number,
): { page: string; truth: TruthSpan[] } {
  const own = placesNamed(source.place)[0]!;
  const [from, to] = [levelWord(own), levelWord(target)];
  const level = (s: string) =>
    from === to ? s : s.replace(new RegExp(`(全|我|本|该)${from}|${from}(委|政府)`, 'g'), (m) => m.replace(from, to));
  let title = source.title.replace(/20\d\d年/g, '');
  for (const h of [...findPlaces(title)].reverse()) title = title.slice(0, h.start) + title.slice(h.end);
  const head = `发布时间：${year}-02-1${year % 10}\n${year}年${target.name}${level(title)}\n`;
  let page = head;
  const truth: TruthSpan[] = [];
  let at = 0;
  for (const o of [...occ].sort((a, b) => a.start - b.start)) {
    page += level(source.body.slice(at, o.start));
    const written = slots.has(o) ? o.slot : left.has(o) ? source.body.slice(o.start, o.end) : o.replacement;
    if (left.has(o) || slots.has(o)) {
      const kind = slots.has(o) ? 'placeholder' : o.kind;
      const len = slots.has(o) ? o.slot.replace(/[市县区省]$/, '').length : written.length;
      truth.push({ start: page.length, end: page.length + len, kind });
    }
    page += written;
    at = o.end;
  }
  page += level(source.body.slice(at));
  const native = nativeSlots(page).filter((n) => !truth.some((t) => t.start < n.end && n.start < t.end));
  return { page, truth: [...truth, ...native].sort((a, b) => a.start - b.start) };
}

function pickTarget(own: Place, r: Rng): Place {
  const inside = (q: Place, level: Place['level']) =>
    allPlaces().filter((p) => p.level === level && within(p, q) && shortForm(p.name));
  const provinces = allPlaces().filter(
    (p) => p.level === 'province' && p.name !== own.province && inside(p, 'county').length > 0,
  );
  const q = r.pick(provinces);
  if (own.level === 'province' && r.chance(0.5)) return q;
  const level = own.level === 'county' || r.chance(0.5) || inside(q, 'city').length === 0 ? 'county' : 'city';
  return r.pick(inside(q, level));
}

/** Copy pages (one or two names left), faithful pages (every name swapped) and verbatim reposts of
 *  `source`, `perSource` copies each. */
export function casesOf(source: SourceDoc, r: Rng, perSource: number): LeftoverCase[] {
  const own = placesNamed(source.place)[0];
  if (!own) return [];
  const out: LeftoverCase[] = [];
  const srcYear = Number(source.date.slice(0, 4));
  const url = (kind: string, i: number) =>
    `https://www.example.gov.cn/${kind}/${source.id.replace(/\W/g, '_')}_${i}.html`;
  for (let i = 0; i <= perSource; i++) {
    const target = pickTarget(own, r);
    const year = srcYear + r.int(3, 4);
    const occ = [
      ...placeOccurrences(source.body, own, target, r),
      ...yearOccurrences(source.body, srcYear, year - srcYear),
      ...personOccurrences(source.body, r),
    ];
    const faithful = i === perSource;
    const left = faithful ? new Set<Occurrence>() : pickLeft(occ, r);
    if (!faithful && left.size === 0) continue;
    // About one left occurrence in five is a template slot nobody filled in.
    const slots = new Set([...left].filter(() => r.chance(0.2)));
    for (const s of slots) left.delete(s);
    const { page, truth } = rewrite(source, occ, left, slots, target, year);
    out.push({
      kind: faithful ? 'faithful' : 'copy',
      sourceId: source.id,
      page,
      url: url('copy', i),
      truth,
      place: target.name,
      year,
    });
  }
  out.push({
    kind: 'verbatim',
    sourceId: source.id,
    page: source.title + '\n' + source.body,
    url: url('repost', 0),
    truth: nativeSlots(source.title + '\n' + source.body),
    place: source.place,
    year: srcYear,
  });
  return out;
}

/** A county's report that copies a national report's opening (its 14亿多, 960万平方公里, 全国 and
 *  history years stay, as they should): nothing on it is a leftover. */
export function nationalCopy(report: CorpusDoc & { date: string }, r: Rng): LeftoverCase {
  const county = r.pick(allPlaces().filter((p) => p.level === 'county' && shortForm(p.name)));
  const year = Number(report.date.slice(0, 4));
  const page = `发布时间：${year}-03-2${year % 10}\n${year}年${county.name}政府工作报告\n${report.body.slice(0, 8000)}`;
  const url = `https://www.example.gov.cn/national/${report.id.replace(/\W/g, '_')}.html`;
  return { kind: 'faithful', sourceId: report.id, page, url, truth: nativeSlots(page), place: county.name, year };
}
