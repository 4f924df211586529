// Editing a stored document's fields in place (title, date, place, source, address): what an
// import or a kept page got wrong, or left empty, is corrected here and used by the next comparison
// (a corrected date moves the document on the timeline and may make it a passage's origin).
import { useState } from 'preact/hooks';
import type { DocMeta } from '../../core/model/types';
import type { DocPatch, EditableField } from '../../extension/storage/doc-patch';
import { useI18n } from '../i18n/i18n';
import { FormActions } from './form-actions';

/** The form's fields as the stored document has them (an absent field is empty). */
function fieldsOf(doc: DocMeta): Record<EditableField, string> {
  return { title: doc.title, date: doc.date ?? '', place: doc.place ?? '', source: doc.source ?? '', url: doc.url ?? '' };
}

export function DocEditForm(props: {
  doc: DocMeta;
  busy: boolean;
  error: string | null;
  onSave: (patch: DocPatch) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => fieldsOf(props.doc));
  const field = (key: EditableField, label: string, placeholder?: string) => (
    <label>
      <span>{label}</span>
      <input
        name={key}
        value={draft[key]}
        {...(placeholder ? { placeholder } : {})}
        onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form
      class="doc-form doc-edit"
      aria-label={t.editDocTitle(props.doc.title)}
      onSubmit={(e) => {
        e.preventDefault();
        // Only what changed is sent: an untouched field keeps its stored value exactly.
        const was = fieldsOf(props.doc);
        const patch: DocPatch = {};
        for (const k of Object.keys(draft) as EditableField[]) if (draft[k].trim() !== was[k]) patch[k] = draft[k];
        props.onSave(patch);
      }}
    >
      {field('title', t.title)}
      <div class="row">
        {field('date', t.date, 'YYYY-MM-DD')}
        {field('place', t.place)}
      </div>
      {field('source', t.docSource)}
      {field('url', t.docUrl)}
      {props.error && (
        <div class="error" role="alert">
          {props.error}
        </div>
      )}
      <FormActions disabled={props.busy || !draft.title.trim()} onCancel={props.onCancel} />
    </form>
  );
}
