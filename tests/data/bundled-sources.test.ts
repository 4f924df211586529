// @vitest-environment node
// No text of the sources that may not ship is in the bundled corpus, whatever its metadata says:
// each of their documents is probed with a 40-character run from its middle.
import { expect, it } from 'vitest';
import { bundledDocs } from '../fixtures/corpus';
import { readSet } from '../fixtures/shared';
import { describeData } from './guard';

describeData('bundled corpus against ../shared corpus-external', ['corpus-external'], () => {
  it('holds no text from xi-speeches-2020 or hk-legco-hansard-2013', () => {
    const all = bundledDocs()
      .map((d) => d.body.replace(/\s/g, ''))
      .join('\u0000');
    const probed = readSet('corpus-external').filter(
      (t) => t.group === 'xi-speeches-2020' || t.group === 'hk-legco-hansard-2013',
    );
    expect(probed.length).toBeGreaterThan(300);
    for (const t of probed) {
      const body = t.body.replace(/\s/g, '');
      const mid = Math.floor(body.length / 2);
      expect(all.includes(body.slice(mid, mid + 40)), t.file).toBe(false);
    }
  });
});
