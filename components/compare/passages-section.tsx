// The chosen source's passages (or every source's, in page order) with the scope and view-mode
// switches; split out of the comparison so the markup and the state it reads stay short.
import type { PageAnalysis } from '../../core/model/page';
import { EmptyState } from '../empty-state';
import { Segmented } from '../segmented';
import { useI18n } from '../i18n/i18n';
import { PassageCard } from './passage-card';
import type { ComparisonState } from './use-comparison-state';

export function PassagesSection(props: { analysis: PageAnalysis; s: ComparisonState }) {
  const { t } = useI18n();
  const { analysis, s } = props;
  const { passages } = analysis.match;
  const heading = s.scope === 'all' ? t.allPassagesTitle : s.titleOf(s.chosen!);
  return (
    <section class="passages" aria-label={heading}>
      <div class="passages-head">
        <h2>{heading}</h2>
        {new Set(passages.map((p) => p.docId)).size > 1 && (
          <Segmented
            label={t.passageScope}
            options={[
              { key: 'source', label: t.scopeSource },
              { key: 'all', label: t.scopeAll },
            ]}
            value={s.scope}
            onChange={s.setScope}
          />
        )}
        <Segmented
          label={t.viewMode}
          options={[
            { key: 'diff', label: t.viewDiff },
            { key: 'side', label: t.viewSideBySide },
          ]}
          value={s.mode}
          onChange={s.setMode}
        />
      </div>
      {s.mode === 'diff' && s.shown.length > 0 && (
        <p class="legend-line meta">
          <del>{t.deleted}</del> <ins>{t.inserted}</ins>
        </p>
      )}
      {s.shown.length === 0 && <EmptyState>{t.noPassagesForSource}</EmptyState>}
      {s.shown.map(({ p, i }) => (
        <PassageCard
          key={i}
          index={i}
          passage={p}
          pageText={analysis.page.text}
          docBody={s.bodies[p.docId]?.body}
          colour={s.colours.get(p.docId)}
          {...(s.scope === 'all' ? { sourceTitle: s.titleOf(p.docId) } : {})}
          mode={s.mode}
          selected={s.selected === i}
          onReveal={(idx) => s.select(idx, true)}
        />
      ))}
    </section>
  );
}
