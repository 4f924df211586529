// Editing a new speech before it is saved: from the current page or pasted text.
import { useState } from 'preact/hooks';
import type { NewDoc } from '../../core/model/page';
import { useI18n } from '../i18n/i18n';
import { FormActions } from './form-actions';

export function DocForm(props: { initial: NewDoc; onSave: (doc: NewDoc) => void; onCancel: () => void; busy: boolean }) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<NewDoc>(props.initial);
  const field = (key: 'title' | 'date' | 'place', label: string) => (
    <label>
      <span>{label}</span>
      <input value={doc[key] ?? ''} onInput={(e) => setDoc({ ...doc, [key]: e.currentTarget.value })} />
    </label>
  );
  return (
    <form
      class="doc-form"
      onSubmit={(e) => {
        e.preventDefault();
        const clean: NewDoc = { ...doc, title: doc.title.trim() || t.untitled };
        if (!clean.date?.trim()) delete clean.date;
        if (!clean.place?.trim()) delete clean.place;
        props.onSave(clean);
      }}
    >
      {field('title', t.title)}
      <div class="row">
        {field('date', t.date)}
        {field('place', t.place)}
      </div>
      <label>
        <span>
          {t.body} <span class="meta">({t.bodyChars(doc.body.replace(/\s/g, '').length)})</span>
        </span>
        <textarea rows={8} value={doc.body} onInput={(e) => setDoc({ ...doc, body: e.currentTarget.value })} />
      </label>
      <FormActions disabled={props.busy || !doc.body.trim()} onCancel={props.onCancel} />
    </form>
  );
}
