// Searches asked at the same moment go out as one _msearch. The remote analysis asks per passage
// (provenance: three searches each) and per formula phrase (its first dated use) with
// Promise.all; each of those questions used to be a round trip of its own. Here every search
// queued before the event loop turns is sent in one request, and each caller gets its own answer
// (an error in any of them fails them all: they belong to one page).
import type { OpenSearchClient } from './client';
import { msearchAll, type MsearchAnswer } from './msearch';

interface Pending {
  body: unknown;
  what: string;
  resolve: (a: MsearchAnswer) => void;
  reject: (e: unknown) => void;
}

export class SearchCoalescer {
  private queue: Pending[] = [];

  constructor(
    private readonly client: OpenSearchClient,
    private readonly index: string,
  ) {}

  search(body: unknown, what: string): Promise<MsearchAnswer> {
    return new Promise((resolve, reject) => {
      if (this.queue.push({ body, what, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const q = this.queue;
    this.queue = [];
    const what = [...new Set(q.map((p) => p.what))].join(' / ');
    try {
      const answers = await msearchAll(
        this.client,
        this.index,
        q.map((p) => p.body),
        what,
      );
      q.forEach((p, i) => p.resolve(answers[i]!));
    } catch (e) {
      for (const p of q) p.reject(e);
    }
  }
}
