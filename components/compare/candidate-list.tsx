// The closest corpus speeches, ranked; choosing one shows its passages. A source with passages
// shows the share of the page they cover (one meaning for every percentage in the list); a close
// speech without passages shows none, as its ranking score is not a share of anything.
import type { Candidate, DocMeta, Passage } from '../../core/model/types';
import { metaLine, pct } from '../format';
import { useI18n } from '../i18n/i18n';
import { pageShares } from './page-share';

export function CandidateList(props: {
  candidates: Candidate[];
  /** The page's text, whose share each source's passages cover. */
  pageText: string;
  docs: Record<string, DocMeta>;
  passages: Passage[];
  colours: Map<string, string>;
  chosen: string | null;
  onChoose: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  // Sources with reused passages lead; the rest (shared vocabulary only) wait behind a toggle, so
  // near-zero scores don't read as findings. A page with no passage at all shows them openly.
  const hasPassages = (c: Candidate) => props.passages.some((p) => p.docId === c.id);
  const main = props.candidates.filter(hasPassages);
  const rest = props.candidates.filter((c) => !hasPassages(c));
  const shares = pageShares(props.pageText, props.passages);
  const item = (c: Candidate) => {
    const meta = props.docs[c.id];
    const count = props.passages.filter((p) => p.docId === c.id).length;
    const title = meta?.title ?? c.title;
    return (
      <li key={c.id} class={props.chosen === c.id ? 'chosen' : ''}>
        <button
          type="button"
          class="candidate"
          aria-pressed={props.chosen === c.id}
          aria-label={t.chooseSource(title)}
          onClick={() => props.onChoose(c.id)}
        >
          <span class="swatch" style={{ background: props.colours.get(c.id) }} aria-hidden="true" />
          <span class="cand-body">
            <span class="cand-title">{title}</span>
            <span class="meta">{metaLine(meta?.date, meta?.place, t.passagesFrom(count))}</span>
            {shares.has(c.id) && (
              <span class="bar" aria-hidden="true">
                <span style={{ width: pct(shares.get(c.id)!), background: props.colours.get(c.id) }} />
              </span>
            )}
          </span>
          {shares.has(c.id) && (
            <span class="cand-score" title={t.shareOfPage(pct(shares.get(c.id)!))}>
              {pct(shares.get(c.id)!)}
            </span>
          )}
        </button>
        <button type="button" class="link" onClick={() => props.onOpen(c.id)}>
          {t.openDoc}
        </button>
      </li>
    );
  };
  return (
    <section class="candidates" aria-label={t.candidates}>
      <h2>{t.candidates}</h2>
      {main.length > 0 && <p class="meta">{t.shareColumn}</p>}
      {main.length === 0 ? (
        <ol>{rest.map(item)}</ol>
      ) : (
        <>
          <ol>{main.map(item)}</ol>
          {rest.length > 0 && (
            <details class="more-candidates">
              <summary>{t.otherCandidates(rest.length)}</summary>
              <ol>{rest.map(item)}</ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}
