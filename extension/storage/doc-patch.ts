// An edit of a stored document's fields (the corpus view's edit form): checked before anything is
// written. The text itself is not editable here (it decides the document's id); every other field is.
import type { DocMeta } from '../../core/model/types';

/** The fields a user may change after a document was added, imported or kept. */
export const EDITABLE_FIELDS = ['title', 'date', 'place', 'source', 'url'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type DocPatch = Partial<Record<EditableField, string>>;

/** Dates as the engine compares them: YYYY, YYYY-MM or YYYY-MM-DD. */
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** The patch as it will be applied: each named field a trimmed string, '' meaning "remove the
 *  field"; throws on an unknown field, a non-string value, an empty title or a malformed date. */
export function checkDocPatch(patch: unknown): DocPatch {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new Error('An edit must be an object');
  const out: DocPatch = {};
  for (const key of Object.keys(patch)) {
    if (!(EDITABLE_FIELDS as readonly string[]).includes(key)) throw new Error(`Field ${key} cannot be edited`);
    const v = (patch as Record<string, unknown>)[key];
    if (typeof v !== 'string') throw new Error(`${key} must be text`);
    out[key as EditableField] = v.trim();
  }
  if (out.title === '') throw new Error('A document needs a title');
  if (out.date && !DATE.test(out.date)) throw new Error(`Date ${out.date}: write YYYY, YYYY-MM or YYYY-MM-DD`);
  return out;
}

/** The document with the patch applied ('' removes an optional field). */
export function applyDocPatch<T extends DocMeta>(doc: T, patch: DocPatch): T {
  const next = { ...doc };
  for (const key of EDITABLE_FIELDS) {
    const v = patch[key];
    if (v === undefined) continue;
    if (v === '' && key !== 'title') delete next[key];
    else next[key] = v;
  }
  return next;
}
