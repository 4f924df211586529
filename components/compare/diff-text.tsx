// Renders a word diff as text nodes: deletions struck through, insertions underlined, and a
// deletion next to an insertion as one substitution chip ("张三→李四") so swaps stand out.
import type { DiffOp } from '../../core/model/types';
import { diffPieces, isLayoutOnly } from '../../core/report/diff-pieces';
import { useI18n } from '../i18n/i18n';

export function DiffText(props: { diff: readonly DiffOp[] }) {
  const { t } = useI18n();
  return (
    <span class="diff">
      {diffPieces(props.diff).map((d, i) => {
        switch (d.kind) {
          case 'equal':
            return <span key={i}>{d.text}</span>;
          case 'del':
            return (
              <del key={i} title={t.deleted}>
                {d.text}
              </del>
            );
          case 'ins':
            return (
              <ins key={i} title={t.inserted}>
                {d.text}
              </ins>
            );
          case 'sub':
            return (
              <span key={i} class="chip" role="note" aria-label={t.substitution(d.from, d.to)} title={t.substituted}>
                <del>{d.from}</del>
                <span aria-hidden="true">→</span>
                <ins>{d.to}</ins>
              </span>
            );
        }
      })}
    </span>
  );
}

/** One side of a diff with that side's own changes marked: the page's insertions or the source's deletions. */
export function DiffSide(props: { diff: readonly DiffOp[]; side: 'page' | 'doc' }) {
  const { t } = useI18n();
  const mine = props.side === 'page' ? 1 : -1;
  return (
    <span class="diff">
      {props.diff.map(([op, text], i) =>
        op === 0 || (op === mine && isLayoutOnly(text)) ? (
          <span key={i}>{text}</span>
        ) : op === mine ? (
          props.side === 'page' ? (
            <ins key={i} title={t.inserted}>
              {text}
            </ins>
          ) : (
            <del key={i} class="plain" title={t.deleted}>
              {text}
            </del>
          )
        ) : null,
      )}
    </span>
  );
}
