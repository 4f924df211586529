// The service methods over the user corpus as a whole: removing many documents (the review of
// kept pages), the kept-pages figures, and corpus folders in and out (extension/storage/corpus-files.ts).
import type { SuyuanService } from '../protocol';
import { corpusFileOf, importedRecord } from '../storage/corpus-files';
import { docMeta } from '../../core/model/doc-meta';
import { checkDocPatch } from '../storage/doc-patch';
import { isUserDocId } from '../storage/user-docs';
import type { ServiceContext } from './service';

const MAX_EXPORT_PAGE = 500;

type Methods = Pick<SuyuanService, 'removeDocs' | 'keptStats' | 'importCorpus' | 'exportCorpus' | 'updateDoc'>;

export function userCorpusMethods(c: ServiceContext): Methods {
  const { deps, now } = c;
  return {
    async removeDocs(ids) {
      if (!Array.isArray(ids)) throw new Error('removeDocs needs a list of ids');
      const gone: string[] = [];
      for (const id of ids) {
        if (typeof id === 'string' && isUserDocId(id) && (await deps.store.remove(id))) gone.push(id);
      }
      const removed = gone.length;
      if (removed > 0) {
        await deps.engine.update((engine) => {
          for (const id of gone) engine.remove(id);
        });
        await c.corpusChanged();
      }
      return removed;
    },

    async updateDoc(id, patch) {
      // Bundled documents are part of the build; the user's own (added, imported, kept) are editable.
      if (typeof id !== 'string' || !isUserDocId(id)) throw new Error(`Only your own documents can be edited: ${id}`);
      const clean = checkDocPatch(patch);
      const next = await deps.store.update(id, clean);
      if (!next) throw new Error(`No such document: ${id}`);
      // The engine takes the new fields (a date decides a passage's origin); the persisted index
      // is written again when idle, and a later worker start reads the fields from IndexedDB.
      await deps.engine.update((e) => {
        e.remove(id);
        e.add([next]);
      });
      await c.corpusChanged();
      return docMeta(next);
    },

    async keptStats() {
      const kept = (await deps.store.list()).filter((r) => r.via === 'kept');
      const bytes = kept.reduce((n, r) => n + new TextEncoder().encode(r.body).length, 0);
      return { count: kept.length, bytes };
    },

    async importCorpus(docs) {
      if (!Array.isArray(docs)) throw new Error('importCorpus needs a list of documents');
      const at = now();
      // Everything is checked before anything is written; same paths replace what is stored.
      const records = docs.map((d, i) => importedRecord(d, at + i));
      if (records.length === 0) return [];
      // Same path, same text: left alone; same path, other text: replaced (an edited file).
      const { written } = await deps.store.restore(records, { replaceNewer: true });
      if (written.length > 0) {
        await deps.engine.update((e) => {
          for (const r of written) if (e.get(r.id)) e.remove(r.id);
          e.add(written);
        });
      }
      await c.corpusChanged();
      return records.map(({ body: _body, ...m }) => m);
    },

    async exportCorpus(offset, limit) {
      const from = Math.max(0, Math.floor(Number(offset) || 0));
      const n = Math.max(1, Math.min(MAX_EXPORT_PAGE, Math.floor(Number(limit) || MAX_EXPORT_PAGE)));
      const all = await deps.store.list();
      return { files: all.slice(from, from + n).map(corpusFileOf), total: all.length };
    },
  };
}
