import type { CorpusDoc, DocMeta } from './types';

/** A document's metadata: everything but the body. */
export function docMeta(doc: CorpusDoc): DocMeta {
  // Copied key by key, never reading `body`: a document loaded lazily throws when it is read.
  const meta: Record<string, unknown> = {};
  for (const k of Object.keys(doc)) if (k !== 'body') meta[k] = (doc as unknown as Record<string, unknown>)[k];
  return meta as unknown as DocMeta;
}
