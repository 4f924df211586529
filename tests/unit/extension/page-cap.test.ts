// Multi-megabyte pages (issue 12): the main text is cut to `maxChars` at a paragraph end, its ranges
// still map, the walk stops reading at 5 × that, and the page carries the mark to the panel.
import { afterEach, describe, expect, it } from 'vitest';
import { extractFromDocument, MAX_CHARS } from '../../../core/extract/from-dom';
import { checkPage } from '../../../extension/background/service-checks';
import { report } from '../../fixtures/corpus';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function load(paras: string[], wrap = 'p'): void {
  document.body.innerHTML = `<article>${paras.map((p) => `<${wrap}>${esc(p)}</${wrap}>`).join('')}</article>`;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the character cap', () => {
  it('cuts a long main text at a paragraph end; the kept part reads the same and maps to the page', () => {
    const paras = report('gwr-2002')
      .body.slice(0, 20_000)
      .split('\n')
      .filter((p) => p.trim());
    load(paras);
    const full = extractFromDocument(document);
    expect(full.truncated).toBeUndefined();
    const cut = extractFromDocument(document, { maxChars: 5000 });
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(5000);
    expect(cut.text.length).toBeGreaterThan(4000);
    expect(full.text.startsWith(cut.text)).toBe(true);
    expect(full.text[cut.text.length]).toBe('\n');
    expect(cut.rangeOf(cut.text.length - 12, cut.text.length)?.toString()).toBe(cut.text.slice(-12));
  });

  it('cuts one paragraph longer than the cap inside it, and stops reading at 5 × the cap', () => {
    load([report('gwr-2002').body.replace(/\s+/g, '').slice(0, 3000)]);
    const one = extractFromDocument(document, { maxChars: 1000 });
    expect([one.text.length, one.truncated]).toEqual([1000, true]);
    expect(one.rangeOf(990, 1000)?.toString()).toBe(one.text.slice(990));
    // 60 paragraphs of 500 characters: with a cap of 1,000 the walk reads 5,000 and stops.
    const body = report('gwr-2002').body.replace(/\s+/g, '');
    load(Array.from({ length: 60 }, (_, i) => body.slice(i * 500, i * 500 + 500)));
    const many = extractFromDocument(document, { maxChars: 1000 });
    expect(many.truncated).toBe(true);
    expect(many.text.length).toBeLessThanOrEqual(1000);
  });

  it('is far above a long speech, and the background keeps the mark (an added field)', () => {
    expect(MAX_CHARS).toBeGreaterThanOrEqual(5 * 40_000);
    const page = { url: 'https://x.cn/', title: 't', text: '同志们', detect: { speechLike: true, score: 0.9 } };
    expect(checkPage({ ...page, truncated: true }).truncated).toBe(true);
    expect('truncated' in checkPage(page)).toBe(false);
  });
});
