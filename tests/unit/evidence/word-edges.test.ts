// Place names found by characters must stand as words (示范县 holds no 范县).
import { describe, expect, it } from 'vitest';
import { endsFreely, startsWord } from '../../../core/evidence/word-edges';

const at = (text: string, name: string): [string, number, number] => {
  const i = text.indexOf(name);
  return [text, i, i + name.length];
};

describe('a name starts a word', () => {
  it.each([
    ['创建国家乡村振兴示范县，分类推进', '范县', false],
    ['顺应城市发展规律', '应城市', false],
    ['商业航天等战略性新兴产业', '天等', false],
    ['要把平乐县建设成', '平乐县', true],
    ['对大通、湟源、湟中等县', '湟中', true],
    ['稳妥处置天水麦积区褐石培心幼儿园', '麦积区', true],
  ])('%s: %s → %s', (text, name, ok) => {
    expect(startsWord(...at(text, name))).toBe(ok);
  });
});

describe('a short name does not run into a common word', () => {
  it.each([
    ['向驻辽中央单位和人民群众致以问候', '辽中', false],
    ['在发展中固安全，在安全中谋发展', '固安', false],
    ['对大通、湟源、湟中等县', '湟中', true],
    ['京山地处大洪山南麓', '京山', true],
    ['西宁市委召开会议', '西宁', true],
  ])('%s: %s → %s', (text, name, ok) => {
    expect(endsFreely(...at(text, name))).toBe(ok);
  });
});
