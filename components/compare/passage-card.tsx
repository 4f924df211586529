// One reused passage: its diff against the source, or the two texts side by side.
import { useState } from 'preact/hooks';
import type { DiffOp, Passage } from '../../core/model/types';
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
  // Script-only differences (为→為) are not edits: the diff hides them unless asked.
  const [showScript, setShowScript] = useState(false);
  const scriptCount = p.scriptDiff ? p.scriptDiff.filter(([op]) => op === 1).length - countOps(p.diff, 1) : 0;
  const diff = showScript && p.scriptDiff ? p.scriptDiff : p.diff;
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
        <p class="passage-text">{diff && diff.length > 0 ? <DiffText diff={diff} /> : pageSlice}</p>
      ) : (
        <div class="side-by-side">
          <div>
            <div class="side-head">{t.pageSide}</div>
            <p class="passage-text">{diff && diff.length > 0 ? <DiffSide diff={diff} side="page" /> : pageSlice}</p>
          </div>
          <div>
            <div class="side-head">{t.docSide}</div>
            <p class="passage-text">{diff && diff.length > 0 ? <DiffSide diff={diff} side="doc" /> : docSlice}</p>
          </div>
        </div>
      )}
      {scriptCount > 0 && (
        <button
          type="button"
          class="link script-toggle"
          aria-pressed={showScript}
          onClick={(e) => {
            e.stopPropagation();
            setShowScript(!showScript);
          }}
        >
          {showScript ? t.scriptHide : t.scriptToggle(scriptCount)}
        </button>
      )}
    </article>
  );
}

/** How many ops of one kind a diff has. */
function countOps(diff: readonly DiffOp[] | undefined, op: -1 | 0 | 1): number {
  return diff ? diff.filter(([o]) => o === op).length : 0;
}
