// The embedded index behind the CorpusBackend seam: what a remote backend must answer, answered
// from an in-memory CorpusStore. The engine itself reads its store directly (engine.ts); this
// implementation lets the remote code paths (remote-analyse.ts) be checked against the engine
// without a server, and is the reference a new backend is compared with.
import { CorpusStore } from '../index/corpus-store';
import { FAMILY_CAP } from '../index/families';
import type { CorpusDoc } from '../model/types';
import { byDate } from '../evidence/provenance';
import { phraseCount } from '../lookup/lookup';
import type { BackendDoc, CorpusBackend, DocRef, FingerprintCount, PhraseDocs } from './backend';

const NONE: ReadonlySet<number> = new Set();

export function embeddedBackend(docs: CorpusDoc[]): CorpusBackend {
  const store = new CorpusStore();
  for (const d of docs) store.add(d);
  store.fp.freeze();
  store.linkFamilies();
  const ref = (slot: number): DocRef => {
    const d = store.doc(slot);
    return d.date ? { id: d.id, date: d.date, seq: slot } : { id: d.id, seq: slot };
  };
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
    phraseCounts: async (qs, need) => qs.map((q) => phraseCount(store, q, NONE, need)),
    holdersByDate: async (hashes, min, sourceId, max) => {
      const tally = new Map<number, number>();
      for (const h of hashes) store.forEachDoc(h, (s) => tally.set(s, (tally.get(s) ?? 0) + 1));
      const held = new Set([...tally].filter(([, k]) => k >= min).map(([s]) => s));
      const source = store.byId.get(sourceId);
      if (source !== undefined) held.add(source);
      const families = new Set([...held].map((s) => store.familyOf(s)));
      for (let s = 0; s < store.slotCount; s++) if (store.docs[s] && families.has(store.familyOf(s))) held.add(s);
      return [...held]
        .map(ref)
        .sort((a, b) => byDate(a.date, b.date) || a.seq - b.seq)
        .slice(0, max);
    },
    firstDated: async (q) => {
      let best: DocRef | null = null;
      for (let s = 0; s < store.slotCount; s++) {
        const d = store.docs[s];
        if (d?.date && store.normText(s).includes(q) && (!best || byDate(d.date, best.date) < 0)) best = ref(s);
      }
      return best;
    },
    docsHolding: async (hashes, min, except, max) => {
      const tally = new Map<number, number>();
      for (const h of hashes) store.forEachDoc(h, (s) => tally.set(s, (tally.get(s) ?? 0) + 1));
      const skip = new Set(except);
      return [...tally]
        .filter(([s, k]) => k >= min && !skip.has(store.doc(s).id))
        .map(([s]) => s)
        .sort((a, b) => a - b)
        .slice(0, max)
        .map(entry);
    },
    get: async (id) => {
      const s = store.byId.get(id);
      return s === undefined ? undefined : store.doc(s);
    },
  };
}
