// The local HTTP server behind every test page. It is also the browser's proxy: a request for
// any other host reaches it as a proxy request, is recorded as escaped, and is refused.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Served {
  body: string | Buffer;
  /** Full Content-Type header; HTML defaults to UTF-8. */
  type?: string;
}

export interface RecordedRequest {
  url: string;
  /** Which channel saw it: Playwright's context events, a CDP Network session, or the proxy sink. */
  via: 'context' | 'cdp' | 'proxy';
  origin?: string;
}

export class TestServer {
  readonly routes = new Map<string, Served>();
  /** Requests that reached the server as a proxy: they were addressed to some other host. */
  readonly escaped: RecordedRequest[] = [];
  private server: Server;
  private sockets = new Set<Socket>();
  port = 0;

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // HTTPS through a proxy starts with CONNECT: record the host and refuse.
    this.server.on('connect', (req: IncomingMessage, socket: Socket) => {
      this.escaped.push({ url: `https://${req.url ?? ''}/`, via: 'proxy' });
      // A CONNECT socket is ours, not the HTTP server's: a browser resetting it (Chromium does,
      // once refused) was an uncaught ECONNRESET that failed a whole e2e run with every test passed.
      socket.on('error', () => {});
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves `served` at `path` and returns the absolute URL. */
  serve(path: string, served: Served | string): string {
    this.routes.set(path, typeof served === 'string' ? { body: served } : served);
    return this.origin + path;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/';
    // An absolute URL means the browser used us as its proxy, i.e. it tried to reach another host.
    if (/^[a-z]+:\/\//i.test(raw) && !raw.startsWith(this.origin + '/')) {
      this.escaped.push({ url: raw, via: 'proxy' });
      res.writeHead(403).end();
      return;
    }
    const path = raw.startsWith(this.origin) ? raw.slice(this.origin.length) : raw;
    const route = this.routes.get(path.split('#')[0] ?? path) ?? this.routes.get(path.split('?')[0] ?? path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(route.body);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
