import { describe, expect, it } from 'vitest';
import { BodyCache, MissingBodyError, bodyMissing, knownSum, lazyDoc } from '../../../core/index/lazy-body';
import { bodyChecksum } from '../../../core/index/checksum';
import { docMeta } from '../../../core/model/doc-meta';

describe('BodyCache', () => {
  it('keeps the most recently used bodies within its character bound', () => {
    const c = new BodyCache(10);
    c.set('a', 'aaaa');
    c.set('b', 'bbbb');
    expect(c.get('a')).toBe('aaaa'); // a is now the most recent
    c.set('c', 'cccc'); // 12 > 10: the least recent (b) goes
    expect([c.has('a'), c.has('b'), c.has('c')]).toEqual([true, false, true]);
    expect(c.totalChars).toBe(8);
  });

  it('holds pinned bodies past the bound until the last pin ends', () => {
    const c = new BodyCache(4);
    c.pin();
    c.pin();
    c.set('a', 'aaaa');
    c.set('b', 'bbbb');
    c.unpin();
    expect(c.size).toBe(2);
    c.unpin();
    expect(c.size).toBe(1);
    expect(c.totalChars).toBeLessThanOrEqual(4);
  });
});

describe('lazyDoc', () => {
  it('reads its body from the cache, and names itself when the body is not loaded', () => {
    const cache = new BodyCache();
    const doc = lazyDoc({ id: 'user/a.md', title: '甲', origin: 'user' }, bodyChecksum('正文'), cache);
    expect(bodyMissing(doc)).toBe(true);
    expect(() => doc.body).toThrow(MissingBodyError);
    expect(() => doc.body).toThrow(/user\/a\.md/);
    cache.set('user/a.md', '正文');
    expect(doc.body).toBe('正文');
    expect(bodyMissing(doc)).toBe(false);
    expect(knownSum(doc)).toBe(bodyChecksum('正文'));
  });

  it('its metadata and spread never read the body', () => {
    const doc = lazyDoc({ id: 'user/a.md', title: '甲', origin: 'user', date: '2020' }, '1:x', new BodyCache());
    expect(docMeta(doc)).toEqual({ id: 'user/a.md', title: '甲', origin: 'user', date: '2020' });
    expect({ ...doc }).toEqual({ id: 'user/a.md', title: '甲', origin: 'user', date: '2020' });
  });
});
