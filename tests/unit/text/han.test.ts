// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hanCount, isHan } from '../../../core/text/han';
import { seed } from '../../fixtures/corpus';

describe('han', () => {
  it('isHan', () => {
    for (const ch of '中國〇㐀丽') expect(isHan(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of 'a1，。　ぁア한') expect(isHan(ch.charCodeAt(0)), ch).toBe(false);
  });

  it('hanCount counts ideographs and stops at the limit', () => {
    expect(hanCount('中国 ABC，共产党')).toBe(5);
    expect(hanCount('')).toBe(0);
    const text = seed('000').body;
    const all = hanCount(text);
    expect(all).toBe(
      Array.from(text).filter((c) => /\p{Script=Han}/u.test(c) && c.length === 1 && c !== '〆' && c !== '々').length,
    );
    expect(hanCount(text, 100)).toBe(100);
  });
});
