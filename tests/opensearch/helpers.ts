// Shared by the OpenSearch suite: the server URL (empty: skip), a fresh index name per test,
// and a loopback proxy that can fail on cue (server gone, load rejections).
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { OpenSearchClient } from '../../cli/opensearch/client';

export const url = inject('opensearchUrl');
export const skip = !url;

let n = 0;
export function freshIndex(tag: string): string {
  return `suyuan-test-${tag}-${process.pid}-${Date.now().toString(36)}-${n++}`;
}

export async function dropIndex(index: string): Promise<void> {
  await new OpenSearchClient(url).request('DELETE', `/${index}`, undefined, { allow404: true });
}

export type Cue = (req: IncomingMessage, body: Buffer, count: number) => 'pass' | 'cut' | 'reject-bulk' | 'slow';

/** An HTTP proxy on 127.0.0.1 in front of the test server. For each request the cue decides:
 *  pass it on, pass it on after SLOW_MS (a busy node), cut the connection (as a stopped server
 *  does), or answer a bulk with every item rejected for load (429). `count` numbers the requests of that path kind (1-based). */
/** How long a 'slow' request waits before it is passed on. */
export const SLOW_MS = 2000;

export async function faultyProxy(cue: Cue): Promise<{ url: string; close(): Promise<void>; seen: string[] }> {
  const target = new URL(url);
  const counts = new Map<string, number>();
  const seen: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const kind = (req.url ?? '').split('?')[0]!.split('/').pop()!;
      const count = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, count);
      const what = cue(req, body, count);
      seen.push(`${req.method} ${req.url} ${what}`);
      if (what === 'cut') return req.socket.destroy();
      if (what === 'reject-bulk') {
        const lines = body.toString('utf8').split('\n').filter(Boolean);
        const items = lines
          .filter((_, i) => i % 2 === 0)
          .map(() => ({
            index: { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } },
          }));
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ took: 1, errors: true, items }));
      }
      const forward = (): void => {
        const up = request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        up.on('error', () => req.socket.destroy());
        up.end(body);
      };
      if (what === 'slow') setTimeout(forward, SLOW_MS);
      else forward();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
