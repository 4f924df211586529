// The service's corpus methods: lookup, list and read documents, add and remove the user's own,
// and the backup paths (the panel streams large backups itself, then calls corpusRestored).
import type { LookupResult } from '../../core/model/types';
import type { NewDoc } from '../../core/model/page';
import type { SuyuanService } from '../protocol';
import { createBackup, parseBackup, serializeBackup, settingsChanged } from '../storage/backup';
import { ADD_CHUNK_SIZE, isUserDocId, makeUserDoc } from '../storage/user-docs';
import { docMeta } from '../../core/model/doc-meta';
import { lookupLimit } from './service-checks';
import type { ServiceContext } from './service';

type CorpusMethods = Pick<
  Required<SuyuanService>,
  | 'lookup'
  | 'listDocs'
  | 'getDoc'
  | 'addDocs'
  | 'storedIds'
  | 'removeDoc'
  | 'exportBackup'
  | 'importBackup'
  | 'corpusRestored'
>;

export function corpusMethods(c: ServiceContext): CorpusMethods {
  return {
    async lookup(query, limit): Promise<LookupResult> {
      if (typeof query !== 'string' || query.trim() === '') throw new Error('Nothing to look up');
      const q = query.trim();
      return c.deps.engine.withBodies((engine) => engine.lookup(q, { limit: lookupLimit(limit) }), { lookup: true });
    },

    async listDocs() {
      return (await c.deps.engine.get()).list();
    },

    async getDoc(id) {
      if (typeof id !== 'string') return null;
      // A user document's body may be left in storage (lazy): read it there.
      const doc = (await c.deps.engine.get()).get(id);
      if (!doc || doc.origin !== 'user') return doc ?? null;
      const rec = await c.deps.store.get(id);
      if (!rec) throw new Error(`${id} is in the index but no longer stored`);
      return rec;
    },

    async addDocs(docs: NewDoc[]) {
      if (!Array.isArray(docs)) throw new Error('addDocs needs a list of documents');
      if (docs.length === 0) return [];
      const at = c.now();
      // Everything is checked before anything is written.
      // addedAt grows by 1 ms per document so the list keeps the batch order.
      const records = docs.map((d, i) => makeUserDoc(d, at + i, i));
      // Ids come from the text: a document already stored is left alone, never stored twice.
      const written = await c.deps.store.addMany(records, ADD_CHUNK_SIZE);
      if (written.length > 0) await c.deps.engine.update((engine) => engine.add(written));
      await c.corpusChanged();
      return (await c.deps.store.getMany([...new Set(records.map((r) => r.id))])).map(docMeta);
    },

    async storedIds(ids) {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('storedIds needs ids');
      return [...(await c.deps.store.existing(ids))];
    },

    async removeDoc(id) {
      // Bundled documents are part of the build; only the user's own can go.
      if (typeof id !== 'string' || !isUserDocId(id)) return false;
      const removed = await c.deps.store.remove(id);
      if (removed) await c.deps.engine.update((engine) => engine.remove(id));
      if (removed) await c.corpusChanged();
      return removed;
    },

    async exportBackup() {
      const [settings, docs] = await Promise.all([c.deps.settings.load(), c.deps.store.list()]);
      return serializeBackup(createBackup(settings, docs, new Date(c.now())));
    },

    async importBackup(json, options) {
      if (typeof json !== 'string') throw new Error('importBackup needs the backup file as text');
      const backup = parseBackup(json);
      const replaceNewer = options?.replaceNewer === true;
      const { counts, written } = await c.deps.store.restore(backup.docs, { replaceNewer });
      const before = await c.deps.settings.load();
      // Only the settings the file names change; every other one keeps its current value.
      const after = await c.deps.settings.save(backup.settings);
      if (written.length > 0) await c.deps.engine.update((engine) => engine.add(written));
      await c.corpusChanged();
      return { ...counts, settingsChanged: settingsChanged(before, after) };
    },

    async corpusRestored() {
      // The panel wrote the documents; the engine reloads from the stores (the persisted index
      // plus what changed) and writes its index back when idle.
      c.deps.engine.reload();
      await c.corpusChanged();
    },
  };
}
