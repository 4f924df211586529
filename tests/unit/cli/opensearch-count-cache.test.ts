// @vitest-environment node
// The phrase counts an OpenSearch backend keeps between pages: a whole count answers any
// question, a partial one only questions needing no more; least recently used out first past the
// bound; everything dropped when the index's generation changes.
import { describe, expect, it } from 'vitest';
import { CountCache } from '../../../cli/opensearch/count-cache';

describe('CountCache', () => {
  it('answers from whole counts always, from partial ones only up to their families', () => {
    const c = new CountCache();
    c.at('g1');
    c.set('高质量发展', { docs: 900, families: 880, whole: true });
    c.set('新质生产力', { docs: 120, families: 100 });
    expect(c.get('高质量发展')).toEqual({ docs: 900, families: 880, whole: true });
    expect(c.get('新质生产力', 100)).toEqual({ docs: 120, families: 100 });
    expect(c.get('新质生产力', 101)).toBeUndefined();
    expect(c.get('新质生产力')).toBeUndefined();
    // A partial count never replaces a whole one.
    c.set('高质量发展', { docs: 200, families: 100 });
    expect(c.get('高质量发展')?.whole).toBe(true);
    expect(c.hits).toBe(3);
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const c = new CountCache(3);
    c.at('g');
    for (const q of ['甲甲', '乙乙', '丙丙']) c.set(q, { docs: 1, families: 1, whole: true });
    c.get('甲甲');
    c.set('丁丁', { docs: 1, families: 1, whole: true });
    expect(c.size).toBe(3);
    expect(c.get('乙乙')).toBeUndefined();
    expect(c.get('甲甲')).toBeDefined();
  });

  it('is emptied when the generation changes, kept while it does not', () => {
    const c = new CountCache();
    c.at('uuid:10:0:5:5');
    c.set('全面从严治党', { docs: 5, families: 5, whole: true });
    c.at('uuid:10:0:5:5');
    expect(c.get('全面从严治党')).toBeDefined();
    c.at('uuid:11:0:5:5');
    expect(c.get('全面从严治党')).toBeUndefined();
    expect(c.size).toBe(0);
  });
});
