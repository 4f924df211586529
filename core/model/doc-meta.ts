import type { CorpusDoc, DocMeta } from './types';

/** A document's metadata: everything but the body. */
export function docMeta(doc: CorpusDoc): DocMeta {
  const { body: _body, ...meta } = doc;
  return meta;
}
