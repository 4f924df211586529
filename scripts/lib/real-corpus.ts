// The real-document evaluation corpus, built explicitly from ../shared (never from corpus/, whose
// bundled documents other work changes): the 31 provincial 2026 work reports, the national work
// and congress reports, and the seed speeches.
import type { CorpusDoc } from '../../core/model/types';
import { loadShared } from '../../tests/fixtures/shared';

export function realCorpus(): { docs: CorpusDoc[]; pages: CorpusDoc[] } {
  const ext = loadShared('corpus-external');
  const pages = ext.filter((d) => d.id.startsWith('cn-provincial-gwr-2026/'));
  const national = ext.filter((d) => d.id.startsWith('cn-gov-work-reports/'));
  const seeds = loadShared('seeds').map((d) => ({ ...d, id: `seeds/${d.id}` }));
  return { docs: [...pages, ...national, ...seeds], pages };
}
