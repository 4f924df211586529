import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../core/evidence/chinese-date';
import { pageFacts } from '../../../core/evidence/page-facts';
import { urlDate } from '../../../core/evidence/page-date';

describe('Chinese date forms', () => {
  it.each([
    ['2023年5月6日', '2023-05-06'],
    ['2023年05月06日', '2023-05-06'],
    ['２０２３年５月６日', '2023-05-06'],
    ['二〇二三年五月六日', '2023-05-06'],
    ['二○二三年十二月二十一日', '2023-12-21'],
    ['二零二二年十月', '2022-10'],
    ['2023 年 5 月 6 日', '2023-05-06'],
    ['2023年5月6号', '2023-05-06'],
    ['2023年', '2023'],
    ['2023-05-06', '2023-05-06'],
    ['２０２３－０５－０６', '2023-05-06'],
    ['2023/5/6', '2023-05-06'],
    ['2023.05.06', '2023-05-06'],
    ['2026.3.5', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['二〇二六年三月五日', '2026-03-05'],
    ['2023-05', '2023-05'],
    ['二〇二三年三十日', '2023'],
  ])('%s → %s', (written, iso) => {
    expect(findDates(written)[0]?.iso).toBe(iso);
  });

  it.each(['2023年13月1日', '1800年5月', '12345-01-01', '第2023号'])('%s is no date', (written) => {
    expect(findDates(written).filter((d) => d.iso.length > 4)).toEqual([]);
  });

  it.each([
    ['20230506', '2023-05-06'],
    ['2023-05-06T08:00:00+08:00', '2023-05-06'],
    ['2023', '2023'],
    ['  2023年5月 ', '2023-05'],
    ['unknown', null],
  ])('a meta or front-matter value %s → %s', (value, iso) => {
    expect(parseDate(value)).toBe(iso);
  });
});

describe('the page date', () => {
  const body = '同志们：\n今天我们召开全县经济工作会议。\n';
  it.each<[string, Parameters<typeof pageFacts>[0], string | null]>([
    [
      'front matter first',
      { text: '发布时间：2021-01-01\n' + body, frontMatter: { date: '2022-09-29' } },
      '2022-09-29',
    ],
    ['a meta tag', { text: body, meta: { 'article:published_time': '2023-03-04T10:00:00+08:00' } }, '2023-03-04'],
    ['meta names in any case', { text: body, meta: { PubDate: '2023-03-04 10:00' } }, '2023-03-04'],
    ['发布时间：', { text: '来源：县政府办 发布时间：2023-05-06 10:21\n' + body }, '2023-05-06'],
    ['日期: in Han numerals', { text: '日期：二〇二三年五月六日\n' + body }, '2023-05-06'],
    ['时间： with full-width digits', { text: '时间：２０２３年５月６日\n' + body }, '2023-05-06'],
    [
      'a bracketed dateline under the title',
      { text: '在全县经济工作会议上的讲话\n（2023年1月12日）\n' + body },
      '2023-01-12',
    ],
    ['a dateline at the end', { text: body + '谢谢大家。\n\n二〇二二年十二月三十日\n' }, '2022-12-30'],
    ['the URL path', { text: body, url: 'http://www.example.gov.cn/zwgk/202305/t20230506_1234.html' }, '2023-05-06'],
    ['a year in the title', { text: body, title: '在2022年全市经济工作会议上的讲话' }, '2022'],
    ['a dated subtitle', { text: '2023年2月3日在全县干部大会上\n' + body }, '2023-02-03'],
    ['no date at all', { text: body }, null],
    [
      'a historical date in a long opening sentence is not the page date',
      {
        text: '同志们！党的第九次全国代表大会于1969年4月1日召开以来，我们取得了很大的成绩，全党全军全国人民团结一致。\n',
      },
      null,
    ],
  ])('%s', (_name, input, date) => {
    expect(pageFacts(input).date).toBe(date);
  });

  it.each([
    ['http://a.gov.cn/2023/05/06/art_1.html', '2023-05-06'],
    ['http://a.gov.cn/art/2023/5/6/art_1.html', null],
    ['http://a.gov.cn/news/2023-05-06/1.html', '2023-05-06'],
    ['http://a.gov.cn/c/2023/05/list.html', '2023-05'],
    ['http://www2023.example.cn/a.html', null],
    ['/zwgk/20230506/index.html?t=20210101', '2023-05-06'],
  ])('url %s → %s', (url, iso) => {
    expect(urlDate(url)).toBe(iso);
  });
});

describe('the page place', () => {
  it('a county speech names its county; the province and city it mentions do not win', () => {
    const text =
      '在全县经济工作会议上的讲话\n同志们：今年以来，在青海省委、西宁市委的坚强领导下，湟源县上下团结一心。' +
      '全县经济稳中有进。湟源县要抓好产业，全县干部要担当作为。湟源要走在前列。';
    expect(pageFacts({ text }).place).toBe('湟源县');
  });
  it('short forms count (西宁 three times in a 全市 speech)', () => {
    const text = '全市组织工作会议。全市上下在西宁的大背景下思考，立足西宁实际，西宁作为省会城市责无旁贷。全市要抓好。';
    expect(pageFacts({ text }).place).toBe('西宁市');
  });
  it('a national report names no place even when it lists regions', () => {
    const text =
      '国务院总理在全国人民代表大会上的报告。全国人民团结奋斗。香港特别行政区、澳门特别行政区保持繁荣稳定，台湾省同胞……全国各族人民。';
    expect(pageFacts({ text }).place).toBeNull();
  });
  it('front matter wins, and a short form becomes the full name', () => {
    expect(pageFacts({ text: '全县', frontMatter: { place: '西宁' } }).place).toBe('西宁市');
    expect(pageFacts({ text: '全县', frontMatter: { place: '临江新区' } }).place).toBe('临江新区');
  });
  it.each(['区', '（区）', ' 本区 ', '市辖区', '城区', '全市'])(
    'a bare level in front matter (%s) is no place name',
    (place) => {
      expect(pageFacts({ text: '同志们', frontMatter: { place } }).place).toBeNull();
    },
  );
  it('a province report saying 全国 more often than 全省 still names its province', () => {
    const text =
      '2026年湖北省政府工作报告\n各位代表：全省上下在全国大局中担当作为，全国第一、全国前列、全国首个、全国领先、' +
      '全国百强、全国示范、全国试点，湖北经济稳中有进。全省人民团结奋斗，湖北发展迈上新台阶。';
    expect(pageFacts({ text }).place).toBe('湖北省');
  });
  it('everyday words that are also division names are not places (城区, 和平)', () => {
    expect(pageFacts({ text: '全市城区和平稳定，城区面貌一新，城区道路和平安建设。' }).place).toBeNull();
  });
});
