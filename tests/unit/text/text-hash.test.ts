import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textKey } from '../../../core/corpus/kept-page';
import { textHash } from '../../../core/text/text-hash';
import { contentId } from '../../../extension/storage/user-docs';

describe('textHash', () => {
  it('keeps stored user-document ids as they were (ids already in IndexedDB must not change)', () => {
    expect(contentId('同志们：今天我们召开大会。')).toBe('user/caf9767b9a194179-d.md');
  });

  it('is 16 hex digits, equal for equal texts, and tells one-character edits apart', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), (s, k) => {
        const h = textHash(s);
        expect(h).toMatch(/^[0-9a-f]{16}$/);
        expect(textHash(s.slice())).toBe(h);
        const i = k % s.length;
        const edited = s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
        expect(textHash(edited)).not.toBe(h);
      }),
    );
  });

  it('keys a kept page by its text without whitespace', () => {
    expect(textKey('同志们： 今天\n')).toBe(textKey('同志们：今天'));
    expect(textKey('同志们：今天')).not.toBe(textKey('同志们：明天'));
  });
});
