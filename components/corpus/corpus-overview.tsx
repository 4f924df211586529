// The corpus at a glance: documents by year, by place (the most frequent places, the rest as one
// bar) and by source (bundled, added, kept while reading, imported). Clicking a bar filters.
import type { DocMeta } from '../../core/model/types';
import { useI18n } from '../i18n/i18n';
import { BarChart, YearChart, type Bar } from './bar-chart';
import { countBy, kindOf, SOURCE_KINDS, yearOf, type CorpusFilter } from './corpus-filter';

const TOP_PLACES = 8;

export function CorpusOverview(props: {
  docs: DocMeta[];
  filter: CorpusFilter;
  onFilter: (f: CorpusFilter) => void;
}) {
  const { t } = useI18n();
  const { docs, filter } = props;
  const set = (patch: Partial<CorpusFilter>) => props.onFilter({ ...filter, ...patch });
  const places = countBy(docs, (d) => d.place ?? '');
  const placeBars: Bar[] = places.slice(0, TOP_PLACES).map(([p, n]) => ({ value: p, label: p, count: n }));
  const rest = places.slice(TOP_PLACES).reduce((n, [, c]) => n + c, 0);
  const kinds = new Map(countBy(docs, kindOf));
  const kindLabel = { bundled: t.kindBundled, added: t.kindAdded, kept: t.kindKept, imported: t.kindImported };
  return (
    <section class="overview" aria-label={t.overview}>
      <YearChart
        title={t.byYear}
        counts={new Map(countBy(docs, yearOf))}
        chosen={filter.year}
        barLabel={t.chartBar}
        onChoose={(year) => set({ year })}
      />
      <div class="overview-row">
        <BarChart
          title={t.byPlace}
          bars={placeBars}
          chosen={filter.place}
          barLabel={t.chartBar}
          onChoose={(place) => set({ place })}
        />
        <BarChart
          title={t.bySource}
          bars={SOURCE_KINDS.map((k) => ({ value: k, label: kindLabel[k], count: kinds.get(k) ?? 0 }))}
          chosen={filter.kind}
          barLabel={t.chartBar}
          onChoose={(kind) => set({ kind: kind as CorpusFilter['kind'] })}
        />
      </div>
      {rest > 0 && <p class="meta">{t.chartBar(t.otherPlaces, rest)}</p>}
    </section>
  );
}
