// @vitest-environment node
// Leftovers of each kind, on pages made here from the bundled corpus or from texts this file writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { reports, seeds } from '../../fixtures/corpus';
import { createEngine, type SnapshotEngine } from '../../../core/engine';
import type { CorpusDoc, Leftover } from '../../../core/model/types';
import { placeholderLeftovers } from '../../../core/evidence/leftover-placeholders';

const SEED = 'seeds/002_576c2e6f06f9add2.md';
let docs: CorpusDoc[];
let engine: SnapshotEngine;
let seed: CorpusDoc;

/** Replaces the occurrences of `from` whose index (0-based) is in `which`. */
function replaceSome(text: string, from: string, to: string, which: number[]): string {
  let k = 0;
  return text.replaceAll(from, (m) => (which.includes(k++) ? to : m));
}

/** A county speech copied from seed 002: 全市 → 全县, 市委 → 县委. */
function countyCopy(body: string): string {
  return '在平乐县组织部长会议上的讲话\n' + body.replaceAll('全市', '全县').replaceAll('市委', '县委');
}

const named = (ls: Leftover[] | undefined, kind: Leftover['kind']) => (ls ?? []).filter((l) => l.kind === kind);

/** Every index at which `needle` occurs in `text`. */
function indexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

beforeAll(() => {
  docs = [...seeds(), ...reports()];
  seed = docs.find((d) => d.id === SEED)!;
  engine = createEngine(docs);
}, 120_000);

describe('place leftovers', () => {
  it('a county page keeping 西宁 twice gets both as leftovers from seed 002', () => {
    const page = countyCopy(replaceSome(seed.body, '西宁', '平乐', [0]));
    const r = engine.match(page);
    expect(r.place).toBe('平乐县');
    const places = named(r.leftovers, 'place');
    expect(places.map((l) => [l.text, l.docId])).toEqual([
      ['西宁', SEED],
      ['西宁', SEED],
    ]);
    expect(places.map((l) => l.start)).toEqual(indexesOf(page, '西宁'));
    expect(places[0]!.evidence).toMatch(/^来源写作 西宁；本页其他处写作 平乐/);
  });

  it('with every 西宁 replaced there is no place leftover', () => {
    const r = engine.match(countyCopy(seed.body.replaceAll('西宁', '平乐')));
    expect(named(r.leftovers, 'place')).toEqual([]);
  });

  it('a page of a county inside the source city may name the city: no leftover', () => {
    const page = seed.body.replaceAll('全市', '全县').replaceAll('市委', '县委');
    const r = engine.match('在湟源县组织部长会议上的讲话\n湟源县' + page);
    expect(r.place).toBe('湟源县');
    expect(named(r.leftovers, 'place')).toEqual([]);
  });

  it('the faithful copy names no leftover but its placeholders', () => {
    const r = engine.match(seed.body);
    expect((r.leftovers ?? []).filter((l) => l.kind !== 'placeholder')).toEqual([]);
  });
});

describe('person leftovers', () => {
  it('an official renamed in one place and kept in another is a leftover', () => {
    const page = countyCopy(replaceSome(seed.body, '骆惠宁', '王建国', [0]));
    const r = engine.match(page);
    const people = named(r.leftovers, 'person');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ text: '骆惠宁', docId: SEED, pageUses: '王建国' });
    expect(people[0]!.start).toBe(indexesOf(page, '骆惠宁')[0]);
  });

  it('a word edited in one place and kept in another is not a name', () => {
    const page = replaceSome(seed.body, '进一步', '更加', [0]);
    expect(named(engine.match(page).leftovers, 'person')).toEqual([]);
  });
});

describe('organisation and date leftovers (texts written here)', () => {
  const source: CorpusDoc = {
    id: 'test/jingshan.md',
    title: '京山市森林防火工作会议讲话',
    date: '2023-03-01',
    place: '京山市',
    origin: 'user',
    body:
      '同志们：今年是2023年，是京山森林防火攻坚的关键一年。京山地处大洪山南麓，林区面积广、火源管控难度大，' +
      '各镇要把防火责任压实到山头地块。国网京山市供电公司要对穿越林区的输电线路开展隐患排查，' +
      '对树线矛盾突出的区段落实专人巡护，确保不因电力设施引发山火。京山市应急管理局要会同林业部门' +
      '组建半专业扑火队伍，储备风力灭火机、二号工具和防火隔离带物资，做到一处起火、多方增援。' +
      '京山全域实行野外用火审批制度，清明、春节等重点时段每个路口都要有人值守，坚决守住不发生重大森林火灾的底线。',
  };
  let withSource: SnapshotEngine;
  beforeAll(() => {
    withSource = createEngine([...docs, source]);
  });

  it('a body named after the source place (国网京山市供电公司) is an organisation leftover', () => {
    const page = '钟祥市森林防火工作会议讲话\n' + replaceSome(source.body, '京山', '钟祥', [0, 1, 3, 4]);
    const r = withSource.match(page, { page: { frontMatter: { date: '2023-03-05' } } });
    expect(r.place).toBe('钟祥市');
    const orgs = named(r.leftovers, 'organisation');
    expect(orgs.map((l) => [l.text, l.docId])).toEqual([['京山市供电公司', source.id]]);
  });

  it('the source year on a later page is a date leftover; the page date comes from the page', () => {
    const page = '发布时间：2026-02-10\n钟祥市森林防火工作会议讲话\n' + source.body.replaceAll('京山', '钟祥');
    const r = withSource.match(page);
    expect(r.date).toBe('2026-02-10');
    const dates = named(r.leftovers, 'date');
    expect(dates.map((l) => l.text)).toEqual(['2023年']);
    expect(dates[0]!.evidence).toBe('来源（2023-03-01）写作 2023年；本页日期为 2026-02-10');
  });

  it('on a page of the same year the year is no leftover', () => {
    const page = '发布时间：2023-04-10\n' + source.body.replaceAll('京山', '钟祥');
    expect(named(withSource.match(page).leftovers, 'date')).toEqual([]);
  });
});

describe('placeholder leftovers', () => {
  it('unfilled slots anywhere on the page, with no source', () => {
    const page = '在XX县经济工作会议上的讲话\n会议定于××月×日召开，某某同志主持。学习贯彻党的**大精神。';
    const r = engine.match(page);
    expect(named(r.leftovers, 'placeholder').map((l) => [l.text, l.docId])).toEqual([
      ['XX', null],
      ['××月×日', null],
      ['某某', null],
      ['**', null],
    ]);
  });

  it('a slot is cut whole: a year with unfilled digits, a date of slots (seed 000: 到20**年底)', () => {
    const page = '活动从3月开始，到20**年底告一段落，使我区**年组织工作取得实效，定于X月X日召开。';
    expect(placeholderLeftovers(page).map((l) => l.text)).toEqual(['20**年', '**年', 'X月X日']);
  });

  it('ordinary text has none (figures, Latin words, multiplication)', () => {
    const page = '全国人口14亿多，国土面积960万平方公里。数据要素×行动，3×4=12，max值。';
    expect(engine.match(page).leftovers).toEqual([]);
  });
});

describe('national figures in a copied national report', () => {
  it('a county report copying the national report keeps 14亿多 without a leftover', () => {
    const gwr = docs.find((d) => d.id === 'reports/gwr-2023.md')!;
    const page = '平乐县政府工作报告\n全县上下' + gwr.body.slice(0, 6000);
    const r = engine.match(page, { page: { frontMatter: { date: '2023-02-01' } } });
    expect(r.passages.length).toBeGreaterThan(0);
    expect(r.leftovers).toEqual([]);
  });
});

describe('place names read as words (texts written here)', () => {
  const henan: CorpusDoc = {
    id: 'test/henan.md',
    title: '河南省政府工作报告',
    date: '2026-02-03',
    place: '河南省',
    origin: 'user',
    body:
      '各位代表：过去一年，河南经济运行稳中向好，全省上下奋发有为。我们创建国家乡村振兴示范县，分类有序推进村庄建设，' +
      '顺应城市发展从增量扩张转向存量提质的规律，推进城市更新行动。习近平总书记亲临河南考察，为河南发展指明方向。' +
      '美丽河南建设取得新成效，平安河南、法治河南建设扎实推进，天水麦积区对口协作项目顺利完工，全省人民团结奋斗，' +
      '河南在全国大局中的地位更加凸显，全省经济总量迈上新台阶，河南人民生活持续改善。',
  };
  let small: SnapshotEngine;
  beforeAll(() => {
    small = createEngine([henan]);
  });
  const hubei = (body: string) => '发布时间：2026-02-05\n湖北省政府工作报告\n' + body;

  it('示范县 and 顺应城市 hold no 范县 or 应城市: a faithful rename has no leftover', () => {
    const r = small.match(hubei(henan.body.replaceAll('河南', '湖北')));
    expect(r.place).toBe('湖北省');
    expect(r.leftovers).toEqual([]);
  });

  it('美丽河南 left once is found as 河南, not as another name inside it', () => {
    const page = hubei(replaceSome(henan.body, '河南', '湖北', [0, 1, 2, 4, 5, 6, 7]));
    const r = small.match(page);
    expect(named(r.leftovers, 'place').map((l) => [l.text, page.slice(l.start - 2, l.end)])).toEqual([
      ['河南', '美丽河南'],
    ]);
  });

  it('a swap that carries its neighbour (天水麦积区 → 襄阳麦积区) leaves the neighbour a leftover', () => {
    const page = hubei(henan.body.replaceAll('河南', '湖北').replace('天水', '襄阳'));
    const r = createEngine([{ ...henan, place: '甘肃省' }]).match(page);
    expect(named(r.leftovers, 'place').map((l) => l.text)).toEqual(['麦积区']);
  });
});
