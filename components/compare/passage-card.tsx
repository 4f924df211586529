// One reused passage: its diff against the source, or the two texts side by side.
import type { Passage } from '../../core/model/types';
import { pct } from '../format';
import { useI18n } from '../i18n/i18n';
import { DiffSide, DiffText } from './diff-text';

export type PassageMode = 'diff' | 'side';

export function PassageCard(props: {
  index: number;
  passage: Passage;
  pageText: string;
  /** The source body, when loaded (only needed for passages without a diff). */
  docBody: string | undefined;
  colour: string | undefined;
  /** The source's title, shown when passages of several sources are listed together. */
  sourceTitle?: string;
  mode: PassageMode;
  selected: boolean;
  onReveal: (index: number) => void;
}) {
  const { t } = useI18n();
  const p = props.passage;
  const pageSlice = props.pageText.slice(p.start, p.end);
  const docSlice = props.docBody?.slice(p.docStart, p.docEnd) ?? '';
  const label = t.passageLabel(props.index + 1, pct(p.similarity));
  return (
    <article
      id={`passage-${props.index}`}
      class={`passage${props.selected ? ' selected' : ''}`}
      style={{ borderLeftColor: props.colour }}
      aria-label={label}
      aria-current={props.selected ? 'true' : undefined}
      tabIndex={-1}
      onClick={() => props.onReveal(props.index)}
    >
      <header>
        <span class="p-num">{props.index + 1}</span>
        <span class="meta">
          {t.pageRange(p.start, p.end)} · {t.similarity} {pct(p.similarity)}
        </span>
        {props.sourceTitle !== undefined && <span class="p-source">{t.sourceOf(props.sourceTitle)}</span>}
        <button
          type="button"
          class="link"
          onClick={(e) => {
            e.stopPropagation();
            props.onReveal(props.index);
          }}
        >
          {t.showOnPage}
        </button>
      </header>
      {props.mode === 'diff' ? (
        <p class="passage-text">{p.diff && p.diff.length > 0 ? <DiffText diff={p.diff} /> : pageSlice}</p>
      ) : (
        <div class="side-by-side">
          <div>
            <div class="side-head">{t.pageSide}</div>
            <p class="passage-text">
              {p.diff && p.diff.length > 0 ? <DiffSide diff={p.diff} side="page" /> : pageSlice}
            </p>
          </div>
          <div>
            <div class="side-head">{t.docSide}</div>
            <p class="passage-text">{p.diff && p.diff.length > 0 ? <DiffSide diff={p.diff} side="doc" /> : docSlice}</p>
          </div>
        </div>
      )}
    </article>
  );
}
