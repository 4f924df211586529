// The browser's proxy for every request, loopback included (Firefox's
// network.proxy.allow_hijacking_localhost): each request is recorded, those for the origins the
// test allows are passed on, every other one is refused. So "what left the browser" is the list
// of requests seen here, not a guess from the page's side.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  url: string;
  /** Passed on to an allowed origin, or refused. */
  passed: boolean;
}

export class RecordingProxy {
  readonly seen: ProxiedRequest[] = [];
  private readonly allowed = new Set<string>();
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(allowed: string[] = []) {
    for (const o of allowed) this.allow(o);
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // HTTPS through a proxy starts with CONNECT: record the host and refuse.
    this.server.on('connect', (req: IncomingMessage, socket: Socket) => {
      this.seen.push({ method: 'CONNECT', url: `https://${req.url ?? ''}/`, passed: false });
      socket.on('error', () => {}); // ours once CONNECT is emitted: a reset must not throw (test-server.ts)
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
  }

  /** Requests for this origin (`http://127.0.0.1:8787`) are passed on from now on. */
  allow(origin: string): void {
    this.allowed.add(new URL(origin).origin);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The requests seen so far whose URL is not under one of these origins. */
  other(...origins: string[]): ProxiedRequest[] {
    return this.seen.filter((r) => !origins.some((o) => r.url.startsWith(`${new URL(o).origin}/`)));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/';
    let target: URL | null = null;
    try {
      target = /^https?:\/\//i.test(raw) ? new URL(raw) : null;
    } catch {
      target = null;
    }
    const passed = target !== null && target.protocol === 'http:' && this.allowed.has(target.origin);
    this.seen.push({ method: req.method ?? '?', url: raw, passed });
    if (!passed || !target) {
      req.resume();
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const up = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: target.pathname + target.search,
        headers,
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
