// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { looksChinese } from '../../../core/detect/early-exit';
import { seedPages } from '../../fixtures/corpus';

describe('looksChinese', () => {
  it('is true for every seed and for Traditional text', () => {
    for (const s of seedPages()) expect(looksChinese(s.body.slice(0, 500)), s.id).toBe(true);
    expect(looksChinese('主席，我謹動議通過議案，政府會繼續推動香港經濟發展。')).toBe(true);
  });

  it('is true for a short Chinese title with some Latin around it', () => {
    expect(looksChinese('Home | 在全市组织部长会议上的讲话 | News')).toBe(true);
  });

  it('is false for English and for a page that only names a Chinese city', () => {
    expect(looksChinese('The government announced new measures for small businesses. '.repeat(20))).toBe(false);
    expect(
      looksChinese(`Travel guide to Beijing 北京 and Shanghai 上海. ${'Lots of English text here. '.repeat(40)}`),
    ).toBe(false);
    expect(looksChinese('')).toBe(false);
  });
});
