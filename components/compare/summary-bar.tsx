import type { PageAnalysis } from '../../core/model/page';
import { pct } from '../format';
import { useI18n } from '../i18n/i18n';

export function SummaryBar(props: { analysis: PageAnalysis; onRefresh: () => void; onExport: () => void }) {
  const { t } = useI18n();
  const { detect, title, url } = props.analysis.page;
  const { match } = props.analysis;
  return (
    <section class="summary" aria-label={title}>
      <div class="page-title" title={url}>
        {title || url}
      </div>
      <div class="stats">
        <div class="stat big" data-testid="reuse">
          <strong>{pct(match.reuseRatio)}</strong> <span>{t.reuse}</span>
        </div>
        <div class={`stat badge ${detect.speechLike ? 'yes' : 'no'}`} title={detect.reasons.join('\n')}>
          {detect.speechLike ? t.speechLike : t.notSpeech} · {t.score} {pct(detect.score)}
        </div>
        <div class="stat">
          {t.script}: {t.scripts[detect.script]}
        </div>
        <div class="stat">{t.passagesCount(match.passages.length)}</div>
      </div>
      <div class="actions">
        <button type="button" onClick={props.onRefresh}>
          {t.refresh}
        </button>
        <button type="button" onClick={props.onExport} disabled={match.passages.length === 0}>
          {t.exportReport}
        </button>
      </div>
    </section>
  );
}
