// A strip as long as the page with one block per reused passage, coloured by source: where the
// copying is, at a glance. Blocks are buttons, so the map is also a keyboard way into passages.
import type { Passage } from '../../core/model/types';
import { pct } from '../format';
import { useI18n } from '../i18n/i18n';

export function ReuseMap(props: {
  textLength: number;
  passages: Passage[];
  colours: Map<string, string>;
  titleOf: (id: string) => string;
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const { t } = useI18n();
  const len = Math.max(props.textLength, 1);
  const legendIds = [...props.colours.keys()].filter((id) => props.passages.some((p) => p.docId === id));
  return (
    <section class="reuse-map" aria-label={t.reuseMap}>
      <h2>{t.reuseMap}</h2>
      <div class="strip" title={t.reuseMapHelp}>
        {props.passages.map((p, i) => (
          <button
            key={i}
            type="button"
            class={`block${props.selected === i ? ' selected' : ''}`}
            style={{
              left: `${(p.start / len) * 100}%`,
              width: `max(3px, ${((p.end - p.start) / len) * 100}%)`,
              background: props.colours.get(p.docId),
            }}
            aria-label={`${t.passageLabel(i + 1, pct(p.similarity))} · ${props.titleOf(p.docId)}`}
            onClick={() => props.onSelect(i)}
          />
        ))}
      </div>
      <ul class="legend" aria-label={t.legend}>
        {legendIds.map((id) => (
          <li key={id}>
            <span class="swatch" style={{ background: props.colours.get(id) }} aria-hidden="true" />
            {props.titleOf(id)}
          </li>
        ))}
      </ul>
    </section>
  );
}
