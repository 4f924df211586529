// The privacy assertion is only worth something if it sees requests: this makes a page and the
// extension's own worker reach for other hosts and checks that every channel reports them.
import net from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness, waitFor, type Harness, type WorkerGlobal } from './harness';
import { foreignRequests } from './expectations';
import { TestServer } from './test-server';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

describe('request recording', () => {
  it('sees a page load an image and fetch from other hosts', async () => {
    const page = await h.open(
      h.server.serve(
        '/leaky.html',
        `<!doctype html><meta charset="utf-8"><img src="http://tracker.example/pixel.gif">
<script>fetch('https://api.example/collect').catch(() => {});</script><p>leaky</p>`,
      ),
    );
    const urls = await waitForForeign(['tracker.example', 'api.example']);
    expect(urls.some((u) => u.via === 'proxy' && u.url.includes('tracker.example'))).toBe(true);
    expect(urls.some((u) => u.via !== 'proxy' && u.url.includes('api.example'))).toBe(true);
    await page.close();
  });

  it('sees a request made by the extension service worker', async () => {
    await h.inWorker(() => {
      void (globalThis as WorkerGlobal).fetch('http://worker-leak.example/beacon').catch(() => undefined);
    }, undefined);
    // Both Playwright's worker network events and the proxy must catch it (each on its own time).
    const channels = await waitFor(
      'the worker request on both channels',
      () => {
        const via = new Set(
          foreignRequests(h)
            .filter((u) => u.url.includes('worker-leak.example'))
            .map((u) => u.via),
        );
        return via.has('context') && via.has('proxy') ? via : null;
      },
      { timeout: 30_000 },
    );
    expect(channels.size).toBe(2);
  });

  it('does not count the test server or the extension itself', async () => {
    await h.open(`chrome-extension://${h.extensionId}/sidepanel.html`);
    const page = await h.open(h.server.serve('/plain.html', '<!doctype html><meta charset="utf-8"><p>plain</p>'));
    await page.close();
    const foreign = foreignRequests(h).map((r) => r.url);
    expect(
      foreign.every((u) => /tracker\.example|api\.example|worker-leak\.example/.test(u)),
      foreign.join('\n'),
    ).toBe(true);
  });
});

async function waitForForeign(hosts: string[]) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = foreignRequests(h);
    if (hosts.every((host) => found.some((r) => r.url.includes(host)))) return found;
    if (Date.now() > deadline)
      throw new Error(`not recorded: ${hosts.join(', ')}; saw ${found.map((r) => r.url).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the test server as a proxy', () => {
  it('records a CONNECT and survives the client resetting it (an uncaught ECONNRESET failed a CI run)', async () => {
    const server = await new TestServer().start();
    try {
      for (let i = 0; i < 20; i++) {
        const c = net.connect(server.port, '127.0.0.1');
        c.on('error', () => {});
        await new Promise<void>((r) => c.on('connect', () => r()));
        c.write('CONNECT reset.example:443 HTTP/1.1\r\nHost: reset.example:443\r\n\r\n');
        await waitFor('the CONNECT recorded', async () => server.escaped.length > i || null);
        c.resetAndDestroy();
      }
      // An unhandled socket error surfaces as an uncaught exception that fails the run.
      await new Promise((r) => setTimeout(r, 200));
      expect(server.escaped.filter((e) => e.url.includes('reset.example'))).toHaveLength(20);
    } finally {
      await server.stop();
    }
  });
});
