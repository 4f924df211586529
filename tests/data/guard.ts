// Every data-suite file wraps its checks in describeData: with ../shared present they run; without
// it the file is skipped with one line naming the missing path (the checks' bodies, which read the
// data at collection time, are then never called).
import { describe, it } from 'vitest';
import { sharedMissing, type SharedSet } from '../fixtures/shared';

export function describeData(name: string, sets: readonly SharedSet[], body: () => void): void {
  const missing = sharedMissing(sets);
  if (missing === null) {
    describe(name, body);
    return;
  }
  console.warn(`test:data — ${name}: skipped, ${missing}`);
  describe.skip(`${name} — skipped: ${missing}`, () => {
    it('needs ../shared', () => undefined);
  });
}
