// @vitest-environment node
// The bundled provincial reports against their source in ../shared: the import kept every
// character of each report from its salutation on (only the page masthead above it was dropped).
import { expect, it } from 'vitest';
import { provincial } from '../fixtures/corpus';
import { readSet } from '../fixtures/shared';
import { describeData } from './guard';

describeData('bundled provincial reports against ../shared', ['corpus-external'], () => {
  it('keeps each report whole from its salutation, whitespace aside, under the province the source names', () => {
    const rows = readSet('corpus-external').filter((t) => t.group === 'cn-provincial-gwr-2026');
    const bundled = provincial();
    expect(bundled.length).toBe(rows.length);
    for (const row of rows) {
      const province = row.meta.province as string;
      const fromSalutation = row.body.slice(row.body.search(/^\s*各位代表/m)).replace(/\s/g, '');
      const doc = bundled.find((d) => d.place === province);
      expect(doc, province).toBeDefined();
      expect(doc!.title).toBe(row.meta.title);
      expect(doc!.body.replace(/\s/g, '')).toBe(fromSalutation);
      // What was dropped is the masthead only: a small share of the page.
      expect(fromSalutation.length / row.body.replace(/\s/g, '').length, province).toBeGreaterThan(0.97);
    }
  });
});
