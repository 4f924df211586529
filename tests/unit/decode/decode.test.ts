// @vitest-environment node
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes } from '../../../core/decode/decode';
import { encode as enc, reports, seed, seeds as bundledSeeds, TRADITIONAL_SEED } from '../../fixtures/corpus';

/** Texts whose iconv-lite bytes the platform decoder reads back unchanged (some seeds hold characters
 *  outside GBK, and iconv-lite's Big5 table differs from the WHATWG one on a few HKSCS characters). */
const encodable = (texts: string[], encoding: string) =>
  texts.filter((t) => new TextDecoder(encoding).decode(enc(t, encoding)) === t);
const seeds = bundledSeeds().map((s) => s.body);

function decodeError(bytes: Uint8Array, opts?: Parameters<typeof decodeBytes>[1]): string {
  try {
    decodeBytes(bytes, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(DecodeError);
    return (err as Error).message;
  }
  throw new Error('expected a DecodeError');
}

describe('decodeBytes: Unicode', () => {
  it('reads the seeds as UTF-8', () => {
    for (const t of seeds) expect(decodeBytes(new TextEncoder().encode(t))).toEqual({ text: t, encoding: 'utf-8' });
  });

  it('honours UTF-8 and UTF-16 byte-order marks and drops the mark', () => {
    const text = seed(TRADITIONAL_SEED).body;
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...enc(text, 'utf-16le')]))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...enc(text, 'utf-16be')]))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text, 'utf-8')]))).toEqual({ text, encoding: 'utf-8' });
  });
});

describe('decodeBytes: UTF-16 without a byte-order mark', () => {
  it('reads every seed in UTF-16LE and UTF-16BE', () => {
    for (const t of seeds) {
      expect(decodeBytes(enc(t, 'utf-16le'))).toEqual({ text: t, encoding: 'utf-16le' });
      expect(decodeBytes(enc(t, 'utf-16be'))).toEqual({ text: t, encoding: 'utf-16be' });
    }
  });

  it('reads pure Han text with no NUL byte at all', () => {
    const t = seed(TRADITIONAL_SEED)
      .body.replace(/[^\p{Script=Han}]/gu, '')
      .slice(0, 3000);
    expect(decodeBytes(enc(t, 'utf-16le'))).toEqual({ text: t, encoding: 'utf-16le' });
  });
});

describe('decodeBytes: legacy Chinese encodings', () => {
  it('reads GBK-encoded seeds exactly (as GB18030, its superset)', () => {
    const texts = encodable(seeds, 'gbk');
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(decodeBytes(enc(t, 'gbk'))).toEqual({ text: t, encoding: 'gb18030' });
  });

  it('reads every seed encoded in GB18030 exactly', () => {
    for (const t of seeds) expect(decodeBytes(enc(t, 'gb18030'))).toEqual({ text: t, encoding: 'gb18030' });
  });

  // Over the Hong Kong hansard turns of ../shared too: tests/data/decode.test.ts.
  it('reads Big5 Traditional texts exactly: the Traditional seed and Taiwan-Traditional paragraphs of the corpus', () => {
    // Written at test time: OpenCC's Taiwan conversion of bundled Simplified texts, paragraph by
    // paragraph (the bundled Traditional reports use variants outside Big5, e.g. 爲 産 衆).
    const toTaiwan = Converter({ from: 'cn', to: 'tw' });
    const paragraphs = [...bundledSeeds().slice(0, 4), ...reports().slice(-6)]
      .flatMap((d) => toTaiwan(d.body).split('\n'))
      .filter((p) => p.length >= 200);
    const texts = encodable([seed(TRADITIONAL_SEED).body, ...paragraphs], 'big5');
    expect(texts.length).toBeGreaterThanOrEqual(60);
    for (const t of texts) expect(decodeBytes(enc(t, 'big5'))).toEqual({ text: t, encoding: 'big5' });
  });

  it('a Traditional text in GBK is still GB18030, not Big5', () => {
    const t = seed(TRADITIONAL_SEED).body;
    expect(decodeBytes(enc(t, 'gbk'))).toEqual({ text: t, encoding: 'gb18030' });
  });

  it('uses the charset of a Content-Type header', () => {
    const t = seed(TRADITIONAL_SEED).body;
    expect(decodeBytes(enc(t, 'big5'), { contentType: 'text/plain; charset=Big5' })).toEqual({
      text: t,
      encoding: 'big5',
    });
    expect(decodeBytes(enc(t, 'gbk'), { contentType: 'text/html;charset="gb2312"' })).toEqual({
      text: t,
      encoding: 'gbk',
    });
  });

  it('uses <meta charset> and http-equiv declarations of an HTML page', () => {
    const body = seed('000').body.slice(0, 2000);
    const page1 = `<html><head><meta charset="gb2312"><title>讲话</title></head><body>${body}</body></html>`;
    expect(decodeBytes(enc(page1, 'gbk'), { fileName: 'a.html' })).toEqual({ text: page1, encoding: 'gbk' });
    const page2 = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>${body}</body></html>`;
    expect(decodeBytes(enc(page2, 'gbk')).text).toBe(page2);
  });

  it('ignores a declaration the bytes contradict', () => {
    const t = seed('002').body;
    // Declared Big5 but really GBK: Big5 fails on the bytes, sniffing finds GB18030.
    expect(decodeBytes(enc(t, 'gbk'), { contentType: 'text/plain; charset=big5' })).toEqual({
      text: t,
      encoding: 'gb18030',
    });
    // Declared Latin-1 but valid UTF-8.
    expect(decodeBytes(enc(t, 'utf-8'), { contentType: 'text/html; charset=iso-8859-1' })).toEqual({
      text: t,
      encoding: 'utf-8',
    });
  });
});

describe('decodeBytes: errors a person can read', () => {
  it('empty input', () => {
    expect(decodeError(new Uint8Array())).toBe('file is empty');
    expect(decodeError(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('file is empty');
  });

  it.each([
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'x.pdf'],
    ['DOCX', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], 'speech.docx'],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'archive.zip'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], undefined],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], undefined],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], undefined],
    ['OLE', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00], 'old.doc'],
  ])('binary %s', (name, head, fileName) => {
    const bytes = new Uint8Array([...head, ...enc('这是一些文字内容'.repeat(20), 'utf-8')]);
    const message = decodeError(bytes, { fileName });
    expect(message).toMatch(/^looks like a binary file/);
    expect(message).toContain(name);
  });

  it('NUL bytes that are not UTF-16', () => {
    const bytes = enc('这是一些文字内容'.repeat(20), 'utf-8');
    bytes[10] = 0;
    bytes[21] = 0;
    expect(decodeError(bytes)).toMatch(/binary file.*NUL/);
  });

  it('random high bytes are not a text encoding we can read', () => {
    // Deterministic pseudo-random bytes 0x80–0xFF: invalid UTF-8, gibberish in GB18030 and Big5.
    let x = 12345;
    const bytes = new Uint8Array(4000).map(() => {
      x = (x * 1103515245 + 12345) >>> 0;
      return 0x80 | ((x >>> 16) & 0x7f);
    });
    expect(decodeError(bytes)).toMatch(/^not a text encoding we can read/);
  });
});
