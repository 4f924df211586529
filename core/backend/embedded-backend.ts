// The embedded index behind the CorpusBackend seam: what a remote backend must answer, answered
// from an in-memory CorpusStore. The engine itself reads its store directly (engine.ts); this
// implementation lets the remote code paths (remote-analyse.ts) be checked against the engine
// without a server, and is the reference a new backend is compared with.
import { CorpusStore } from '../index/corpus-store';
import { FAMILY_CAP } from '../index/families';
import type { CorpusDoc } from '../model/types';
import type { BackendDoc, CorpusBackend, FingerprintCount, PhraseDocs } from './backend';

export function embeddedBackend(docs: CorpusDoc[]): CorpusBackend {
  const store = new CorpusStore();
  for (const d of docs) store.add(d);
  store.fp.freeze();
  store.linkFamilies();
  const entry = (slot: number): BackendDoc => ({ doc: store.doc(slot), seq: slot, family: store.familyOf(slot) });
  return {
    count: async () => store.live,
    fingerprintCounts: async (hashes) => {
      const out = new Map<number, FingerprintCount>();
      for (const h of hashes) {
        const df = store.df(h);
        if (df > 0) out.set(h, { docs: df, families: df > FAMILY_CAP ? df : store.familyDf(h, df) });
      }
      return out;
    },
    topByWeight: async (weights, size) => {
      const tally = new Map<number, number>();
      for (const [h, w] of weights) store.forEachDoc(h, (s) => tally.set(s, (tally.get(s) ?? 0) + w));
      return [...tally]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, size)
        .map(([s]) => entry(s));
    },
    phraseDocs: async (q, max): Promise<PhraseDocs> => {
      const found: BackendDoc[] = [];
      for (let s = 0; s < store.slotCount; s++)
        if (store.docs[s] && store.normText(s).includes(q)) found.push(entry(s));
      return { docs: found.slice(0, max), complete: found.length <= max };
    },
    get: async (id) => {
      const s = store.byId.get(id);
      return s === undefined ? undefined : store.doc(s);
    },
  };
}
