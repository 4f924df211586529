// @vitest-environment node
// Charset detection on the evaluation data (../shared) as published: the scraped seeds' own bytes
// and the Hong Kong hansard turns in Big5.
import { expect, it } from 'vitest';
import { decodeBytes } from '../../core/decode/decode';
import { encode as enc } from '../fixtures/corpus';
import { readSeed, readSeedBytes, readSet, seedFiles, TRADITIONAL_SEED_FILE } from '../fixtures/shared';
import { describeData } from './guard';

/** Texts whose iconv-lite bytes the platform decoder reads back unchanged (iconv-lite's Big5 table
 *  differs from the WHATWG one on a few HKSCS characters). */
const encodable = (texts: string[], encoding: string) =>
  texts.filter((t) => new TextDecoder(encoding).decode(enc(t, encoding)) === t);

describeData('decodeBytes on ../shared', ['seeds', 'corpus-external'], () => {
  it('reads the scraped seeds as UTF-8', () => {
    for (const f of seedFiles())
      expect(decodeBytes(readSeedBytes(f))).toEqual({ text: readSeed(f), encoding: 'utf-8' });
  });

  it('reads Big5 Traditional texts exactly: the Traditional seed and Hong Kong hansard turns', () => {
    const hk = readSet('corpus-external')
      .filter((d) => d.group === 'hk-legco-hansard-2013')
      .map((d) => d.body);
    const texts = encodable([readSeed(TRADITIONAL_SEED_FILE), ...hk], 'big5');
    expect(texts.length).toBeGreaterThanOrEqual(60);
    for (const t of texts) expect(decodeBytes(enc(t, 'big5'))).toEqual({ text: t, encoding: 'big5' });
  });

  it('reads every scraped seed in GB18030 and UTF-16 exactly', () => {
    for (const f of seedFiles()) {
      const t = readSeed(f);
      expect(decodeBytes(enc(t, 'gb18030'))).toEqual({ text: t, encoding: 'gb18030' });
      expect(decodeBytes(enc(t, 'utf-16le'))).toEqual({ text: t, encoding: 'utf-16le' });
    }
  });
});
