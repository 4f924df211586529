// Corpus bodies for the side-by-side view, fetched once per source and kept for the panel's life;
// split out of the comparison state so the fetching and its effect read in one place.
import { useEffect, useState } from 'preact/hooks';
import type { CorpusDoc, Passage } from '../../core/model/types';
import { errorText } from '../format';
import { useService } from '../service-context';
import { useLatest } from '../use-latest';
import type { PassageMode } from './passage-card';

export function useDocBodies(
  mode: PassageMode,
  scope: 'source' | 'all',
  chosen: string | null,
  passages: readonly Passage[],
  setError: (message: string) => void,
) {
  const service = useService();
  const [bodies, setBodies] = useState<Record<string, CorpusDoc>>({});

  const loadDoc = useLatest(async (id: string): Promise<CorpusDoc | null> => {
    const have = bodies[id];
    if (have) return have;
    const doc = await service.getDoc(id);
    if (doc) setBodies((b) => ({ ...b, [id]: doc }));
    return doc;
  });

  // Only the side-by-side view shows bodies: the diff view never pays for fetching them.
  useEffect(() => {
    if (mode !== 'side') return;
    const ids = scope === 'all' ? [...new Set(passages.map((p) => p.docId))] : chosen ? [chosen] : [];
    for (const id of ids) loadDoc(id).catch((e: unknown) => setError(errorText(e)));
  }, [mode, chosen, scope, passages, loadDoc, setError]);

  return { bodies, loadDoc };
}
