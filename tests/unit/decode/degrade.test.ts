// @vitest-environment node
// Issue 13, faults 5 and 6: a few invalid bytes degrade to U+FFFD with a count instead of refusing
// the file; BOM-less UTF-16 is read; binary formats are named. Texts from the bundled corpus only.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes, decodeWarning } from '../../../core/decode/decode';
import { parseDocumentFile } from '../../../core/corpus/front-matter';

const body = (id: string) =>
  parseDocumentFile(id, readFileSync(new URL(`../../../corpus/${id}`, import.meta.url), 'utf8'), 'bundled').body;
// Ends on a Han character, so cutting the last byte cuts a multi-byte character.
const text = body('seeds/002_576c2e6f06f9add2.md').replace(/[^\u4e00-\u9fff]+$/, '');
const utf8 = () => new Uint8Array(Buffer.from(text, 'utf8'));

function refusal(bytes: Uint8Array, fileName?: string): string {
  try {
    decodeBytes(bytes, { fileName });
  } catch (err) {
    expect(err).toBeInstanceOf(DecodeError);
    return (err as Error).message;
  }
  throw new Error('expected a DecodeError');
}

describe('decodeBytes degrades on a few invalid bytes', () => {
  it('one invalid byte in UTF-8 → one U+FFFD, the rest exact, and a warning', () => {
    const bytes = utf8();
    const at = Buffer.from(text.slice(0, 300), 'utf8').length; // a character boundary
    const broken = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)]);
    const d = decodeBytes(broken);
    expect(d).toMatchObject({ encoding: 'utf-8', replaced: 1 });
    expect(d.text).toBe(text.slice(0, 300) + '\uFFFD' + text.slice(300));
    expect(decodeWarning(d)).toBe('1 invalid byte sequence replaced with U+FFFD (read as utf-8)');
  });

  it('a last character cut off (UTF-8, GBK, BOM-less UTF-16) is one replacement', () => {
    const cut = (b: Uint8Array) => b.subarray(0, b.length - 1);
    const u = decodeBytes(cut(utf8()));
    expect(u).toMatchObject({ encoding: 'utf-8', replaced: 1 });
    const g = decodeBytes(cut(new Uint8Array(iconv.encode(text, 'gbk'))));
    expect(g.encoding).toBe('gb18030');
    expect(g.replaced).toBe(1);
    const w = decodeBytes(cut(new Uint8Array(iconv.encode(text, 'utf16-le'))));
    expect(w).toMatchObject({ encoding: 'utf-16le', replaced: 1 });
    expect(w.text.slice(0, -1)).toBe(text.slice(0, -1));
  });

  it('any few invalid bytes anywhere: text kept, each counted', () => {
    const bytes = utf8();
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(bytes.length - 1), { minLength: 1, maxLength: 4 }), (at) => {
        const copy = bytes.slice();
        for (const i of at) copy[i] = 0xff;
        const d = decodeBytes(copy);
        expect(d.encoding).toBe('utf-8');
        expect(d.replaced).toBeGreaterThanOrEqual(1);
        expect(d.replaced).toBeLessThanOrEqual(at.length * 3);
        expect(d.text.replace(/\uFFFD/g, '').length).toBeGreaterThan(text.length - at.length * 2);
      }),
      { numRuns: 60 },
    );
  });

  it('a clean file has no warning', () => {
    const d = decodeBytes(utf8());
    expect(d.replaced).toBeUndefined();
    expect(decodeWarning(d)).toBeUndefined();
  });

  it('still refuses when most of it is not text', () => {
    const bytes = utf8();
    for (let i = 0; i < bytes.length; i += 7) bytes[i] = 0xff; // every 7th byte: thousands of holes
    expect(refusal(bytes)).toMatch(/^not a text encoding we can read/);
  });
});

describe('decodeBytes: UTF-16 without BOM and named formats', () => {
  it('reads BOM-less UTF-16LE and BE of mixed Han/ASCII text', () => {
    const mixed = `2024年 GDP 增长5.2%。\n${text}`;
    for (const [enc, name] of [
      ['utf16-le', 'utf-16le'],
      ['utf16-be', 'utf-16be'],
    ]) {
      const d = decodeBytes(new Uint8Array(iconv.encode(mixed, enc!)));
      expect(d).toEqual({ text: mixed, encoding: name });
    }
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'speech.txt'],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], 'speech.txt'],
    ['OLE', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'speech.doc'],
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a], 'speech.txt'],
  ])('%s is named', (name, head, fileName) => {
    const bytes = new Uint8Array([...head, ...Array.from({ length: 400 }, (_, i) => (i * 31) & 0xff)]);
    expect(refusal(bytes, fileName)).toContain(name);
  });
});
