// @vitest-environment node
// The vote counts a run of fingerprints held by the same slot list in one step (vote.ts,
// LocalRuns.addRun); these check it gives exactly what counting each fingerprint gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchSource } from '../../../core/backend/match-source';
import { CorpusStore } from '../../../core/index/corpus-store';
import { LocalRuns } from '../../../core/match/local-runs';
import { profilePage } from '../../../core/match/page-profile';
import { resolveSettings } from '../../../core/match/settings';
import type { CorpusDoc } from '../../../core/model/types';
import { normalize } from '../../../core/text/normalize';
import { bundledDocs } from '../../fixtures/corpus';

describe('LocalRuns.addRun', () => {
  it('leaves the same regions as one add() per ordinal', () => {
    // Streams of (slot, run length, gap before it), positions increasing.
    const stream = fc.array(
      fc.record({ slot: fc.integer({ min: 0, max: 3 }), m: fc.integer({ min: 1, max: 9 }), gap: fc.nat(3) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(stream, (items) => {
        const one = new LocalRuns(4);
        const runs = new LocalRuns(4);
        let ordinal = 0;
        let p = 0;
        for (const { slot, m, gap } of items) {
          ordinal += gap;
          const ps = Array.from({ length: m }, (_, t) => p + 3 * t);
          for (let t = 0; t < m; t++) one.add(slot, ordinal + t, ps[t]!, 5);
          runs.addRun(slot, ordinal, ps, m, 5);
          ordinal += m;
          p += 3 * m + 1;
        }
        expect([...runs.regions].sort()).toEqual([...one.regions].sort());
      }),
    );
  });
});

describe('the vote by slot list', () => {
  it('gives the votes, local runs and candidates of a vote read fingerprint by fingerprint', () => {
    const docs: CorpusDoc[] = bundledDocs();
    const store = new CorpusStore();
    for (const d of docs.slice(1)) store.add(d);
    store.fp.freeze();
    store.linkFamilies();
    // The same store without list keys: every fingerprint read and counted on its own.
    const plain: MatchSource = Object.create(store, { listKey: { value: undefined } });
    const a = docs[3]!.body;
    const b = docs[9]!.body;
    const page = `${docs[0]!.body.slice(0, 3000)}\n${a.slice(0, 2500)}\n${b.slice(1000, 3000)}`;
    const s = { ...resolveSettings(store.live), exclude: new Set<number>() };
    const fast = profilePage(store, normalize(page), s);
    const slow = profilePage(plain, normalize(page), s);
    expect(store.listKey(fast.hashes[fast.fpPos[0]!]!)).toBeGreaterThanOrEqual(0);
    expect(fast.votes.slots.length).toBeGreaterThan(10);
    expect(fast.votes.slots).toEqual(slow.votes.slots);
    expect(fast.votes.slots.map((x) => fast.votes.get(x))).toEqual(slow.votes.slots.map((x) => slow.votes.get(x)));
    // (Map order may differ: regions are created when a run is counted; every reader looks them up by slot or sorts.)
    const bySlot = (m: typeof fast.local) => [...m].sort((x, y) => x[0] - y[0]);
    expect(bySlot(fast.local)).toEqual(bySlot(slow.local));
    expect(fast.local.size).toBeGreaterThan(0);
  });
});
