// Shows one corpus speech as plain text, scrolled to and marking a span (a lookup hit or passage).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorpusDoc } from '../../core/model/types';
import type { OpenDocRequest } from '../compare/compare-view';
import { EmptyState } from '../empty-state';
import { errorText, metaLine } from '../format';
import { useI18n } from '../i18n/i18n';
import { useService } from '../service-context';

export function DocReader(props: { request: OpenDocRequest; onClose: () => void }) {
  const { t } = useI18n();
  const service = useService();
  const [doc, setDoc] = useState<CorpusDoc | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    setDoc(undefined);
    service.getDoc(props.request.docId).then(setDoc, (e: unknown) => setError(errorText(e)));
  }, [props.request, service]);

  useEffect(() => {
    if (!doc) return;
    if (mark.current) mark.current.scrollIntoView?.({ block: 'center' });
    // Focus for screen readers without undoing the scroll to the hit.
    heading.current?.focus({ preventScroll: true });
  }, [doc]);

  const { start, end } = props.request;
  const hasSpan = doc && start !== undefined && end !== undefined && end > start;
  return (
    <section class="reader" aria-label={t.reader}>
      <div class="reader-bar">
        <button type="button" onClick={props.onClose}>
          ← {t.back}
        </button>
      </div>
      {error && <EmptyState role="alert">{t.errorPrefix + error}</EmptyState>}
      {doc === undefined && !error && <EmptyState>{t.loading}</EmptyState>}
      {doc === null && <EmptyState role="alert">{t.errorPrefix + props.request.docId}</EmptyState>}
      {doc && (
        <article>
          <h2 tabIndex={-1} ref={heading}>
            {doc.title}
          </h2>
          <p class="meta">{metaLine(doc.date, doc.place, doc.source)}</p>
          <div class="doc-body">
            {hasSpan ? (
              <>
                {doc.body.slice(0, start)}
                <mark ref={mark} aria-label={t.readerHit}>
                  {doc.body.slice(start, end)}
                </mark>
                {doc.body.slice(end)}
              </>
            ) : (
              doc.body
            )}
          </div>
        </article>
      )}
    </section>
  );
}
