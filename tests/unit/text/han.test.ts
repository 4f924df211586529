// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isHan } from '../../../core/text/han';

describe('han', () => {
  it('isHan', () => {
    for (const ch of '中國〇㐀丽') expect(isHan(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of 'a1，。　ぁア한') expect(isHan(ch.charCodeAt(0)), ch).toBe(false);
  });
});
