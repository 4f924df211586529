// Filters over every metadata field: a text box (title, source, address, date, place, id) and a
// choice of year, place, source kind and script, each offering the values the corpus holds.
import type { DocMeta } from '../../core/model/types';
import { useI18n } from '../i18n/i18n';
import { countBy, kindOf, NO_FILTER, SOURCE_KINDS, yearOf, type CorpusFilter } from './corpus-filter';

function Choice(props: {
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label class="choice">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t.filterAny}</option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CorpusFilters(props: { docs: DocMeta[]; filter: CorpusFilter; onChange: (f: CorpusFilter) => void }) {
  const { t } = useI18n();
  const f = props.filter;
  const set = (patch: Partial<CorpusFilter>) => props.onChange({ ...f, ...patch });
  const values = (key: (d: DocMeta) => string) => countBy(props.docs, key).map(([v]) => v);
  const kindLabel = { bundled: t.kindBundled, added: t.kindAdded, kept: t.kindKept, imported: t.kindImported };
  const scripts: [string, string][] = [
    ['simplified', t.scriptSimplified],
    ['traditional', t.scriptTraditional],
    ['mixed', t.scriptMixed],
  ];
  const active = JSON.stringify(f) !== JSON.stringify(NO_FILTER);
  return (
    <div class="filters">
      <input
        type="search"
        class="filter"
        aria-label={t.corpusFilter}
        placeholder={t.corpusFilterPlaceholder}
        value={f.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <div class="choices">
        <Choice
          label={t.filterYear}
          value={f.year}
          options={values(yearOf)
            .sort()
            .reverse()
            .map((y) => [y, y])}
          onChange={(year) => set({ year })}
        />
        <Choice
          label={t.filterPlace}
          value={f.place}
          options={values((d) => d.place ?? '').map((p) => [p, p])}
          onChange={(place) => set({ place })}
        />
        <Choice
          label={t.filterKind}
          value={f.kind}
          options={SOURCE_KINDS.filter((k) => props.docs.some((d) => kindOf(d) === k)).map((k) => [k, kindLabel[k]])}
          onChange={(kind) => set({ kind: kind as CorpusFilter['kind'] })}
        />
        <Choice label={t.filterScript} value={f.script} options={scripts} onChange={(script) => set({ script })} />
        {active && (
          <button type="button" class="link" onClick={() => props.onChange(NO_FILTER)}>
            {t.clearFilters}
          </button>
        )}
      </div>
    </div>
  );
}
