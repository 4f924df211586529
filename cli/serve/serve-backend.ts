// What `suyuan serve` asks of a corpus, over either backend: the embedded engine (a --corpus folder
// on this machine) or an OpenSearch index (a team corpus). Both run the same engine code: the
// embedded engine directly, OpenSearch through core/backend/remote-analyse.ts. Serve only
// transports their answers.
import { analyseOver, lookupOver, type RemoteLookupResult } from '../../core/backend/remote-analyse';
import type { Engine } from '../../core/model/engine-api';
import type { BoilerplateSpan, CorpusDoc, MatchOptions, MatchResult } from '../../core/model/types';
import type { OpenSearchBackend } from '../opensearch/backend';

export interface ServeBackend {
  readonly kind: 'embedded' | 'opensearch';
  count(): Promise<number>;
  analyse(text: string, options: MatchOptions): Promise<{ match: MatchResult; boilerplate: BoilerplateSpan[] }>;
  lookup(query: string, limit: number): Promise<RemoteLookupResult>;
  get(id: string): Promise<CorpusDoc | undefined>;
}

export function embeddedServeBackend(engine: Engine, size: number): ServeBackend {
  return {
    kind: 'embedded',
    count: async () => size,
    analyse: async (text, options) => engine.analyse(text, options),
    lookup: async (query, limit) => engine.lookup(query, { limit }),
    get: async (id) => engine.get(id),
  };
}

export function openSearchServeBackend(backend: OpenSearchBackend): ServeBackend {
  return {
    kind: 'opensearch',
    count: () => backend.count(),
    analyse: (text, options) => analyseOver(backend, text, options),
    lookup: (query, limit) => lookupOver(backend, query, { limit }),
    get: (id) => backend.get(id),
  };
}
