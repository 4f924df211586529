// `suyuan serve`: the HTTP service a team's browser extensions ask (cli/serve/http.ts), over an
// OpenSearch index (--opensearch URL or SUYUAN_OPENSEARCH) or, for one person, the embedded engine
// over a corpus folder (--corpus, default the bundled corpus). Loopback unless --host says
// otherwise; runs until SIGINT or SIGTERM.
import type { AddressInfo } from 'node:net';
import type { CliArgs } from '../args';
import type { Io } from '../main';
import type { Engine } from '../../core/model/engine-api';
import { OpenSearchBackend } from '../opensearch/backend';
import { OpenSearchClient, OpenSearchError } from '../opensearch/client';
import { indexName, requireIndex } from '../opensearch/layout';
import { createServeServer } from './http';
import { embeddedServeBackend, openSearchServeBackend, type ServeBackend } from './serve-backend';

export type OpenEngine = () => Promise<{ engine: Engine; size: number } | null>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function openBackend(opensearch: string | undefined, openEngine: OpenEngine): Promise<ServeBackend | null> {
  if (!opensearch) {
    const opened = await openEngine();
    return opened && embeddedServeBackend(opened.engine, opened.size);
  }
  const client = new OpenSearchClient(opensearch);
  const index = indexName();
  await requireIndex(client, index);
  return openSearchServeBackend(new OpenSearchBackend(client, index));
}

export async function runServe(
  args: CliArgs,
  opensearch: string | undefined,
  io: Io,
  openEngine: OpenEngine,
): Promise<number> {
  let backend: ServeBackend | null;
  try {
    backend = await openBackend(opensearch, openEngine);
  } catch (err) {
    if (!(err instanceof OpenSearchError)) throw err;
    io.err(`suyuan: ${err.message}\n`);
    return 3;
  }
  if (!backend) return 1;
  const host = args.host ?? '127.0.0.1';
  const token = args.token ?? (process.env.SUYUAN_SERVE_TOKEN || undefined);
  if (!LOOPBACK.has(host) && !token)
    io.err(`suyuan serve: warning: listening on ${host} without a token: anyone who reaches it can read the corpus\n`);
  const server = createServeServer(backend, { token, log: (line) => io.err(`suyuan serve: ${line}\n`) });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(args.port ?? 8787, host, () => resolve());
    });
  } catch (err) {
    io.err(`suyuan serve: cannot listen on ${host}:${args.port ?? 8787}: ${(err as Error).message}\n`);
    return 1;
  }
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const docs = await backend.count().catch(() => NaN);
  io.err(
    `suyuan serve: listening on http://${shown}:${addr.port} (${backend.kind}, ${docs} documents` +
      `${token ? ', token required' : ''})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
