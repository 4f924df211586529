// Two small charts in plain HTML/CSS: horizontal bars (label, count) and a column per year. Every
// bar is a button that filters the list to its value; pressing the chosen one again clears it.

export interface Bar {
  value: string;
  label: string;
  count: number;
}

export function BarChart(props: {
  title: string;
  bars: Bar[];
  chosen: string;
  barLabel: (label: string, n: number) => string;
  onChoose: (value: string) => void;
}) {
  const max = Math.max(1, ...props.bars.map((b) => b.count));
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      {props.bars.map((b) => (
        <button
          type="button"
          key={b.value}
          class="bar-row"
          aria-pressed={props.chosen === b.value}
          aria-label={props.barLabel(b.label, b.count)}
          disabled={b.count === 0}
          onClick={() => props.onChoose(props.chosen === b.value ? '' : b.value)}
        >
          <span class="bar-label">{b.label}</span>
          <span class="bar-track">
            <span class="chart-bar" style={{ width: `${(b.count / max) * 100}%` }} />
          </span>
          <span class="bar-count">{b.count}</span>
        </button>
      ))}
    </figure>
  );
}

export function YearChart(props: {
  title: string;
  counts: Map<string, number>;
  chosen: string;
  barLabel: (label: string, n: number) => string;
  onChoose: (year: string) => void;
}) {
  const years = [...props.counts.keys()].map(Number).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const [first, last] = [years[0]!, years[years.length - 1]!];
  const max = Math.max(...props.counts.values());
  const all = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div class="year-columns">
        {all.map((y) => {
          const n = props.counts.get(y) ?? 0;
          return n === 0 ? (
            <span key={y} class="year-gap" />
          ) : (
            <button
              type="button"
              key={y}
              class="year-column"
              title={props.barLabel(y, n)}
              aria-label={props.barLabel(y, n)}
              aria-pressed={props.chosen === y}
              style={{ height: `${Math.max(8, (n / max) * 100)}%` }}
              onClick={() => props.onChoose(props.chosen === y ? '' : y)}
            />
          );
        })}
      </div>
      <div class="year-axis">
        <span>{first}</span>
        <span>{last}</span>
      </div>
    </figure>
  );
}
