// Bulk requests with retry: items the cluster rejects for load (429, its write queue is full) are
// sent again after a growing pause; any other item error fails the whole index run, since a
// document silently missing from a team corpus is worse than a run that stops and says why.
import { OpenSearchError, type OpenSearchClient } from './client';

export interface BulkAction {
  /** The action line (e.g. { index: { _index, _id } }) and the document line. */
  action: unknown;
  source: unknown;
}

interface BulkAnswer {
  errors: boolean;
  items: Record<string, { status: number; error?: { type?: string; reason?: string } }>[];
}

export interface RetryOptions {
  tries?: number;
  /** First pause, ms; doubled each time. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (rejected: number, waitMs: number) => void;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function bulkWithRetry(
  client: OpenSearchClient,
  actions: BulkAction[],
  opts: RetryOptions & { refresh?: 'wait_for' | 'true' } = {},
): Promise<void> {
  const tries = opts.tries ?? 6;
  const sleep = opts.sleep ?? pause;
  let todo = actions;
  let wait = opts.backoffMs ?? 250;
  for (let attempt = 1; todo.length > 0; attempt++) {
    const body = todo.map((a) => JSON.stringify(a.action) + '\n' + JSON.stringify(a.source) + '\n').join('');
    const path = `/_bulk${opts.refresh ? `?refresh=${opts.refresh}` : ''}`;
    let r: BulkAnswer | null;
    try {
      r = await client.request<BulkAnswer>('POST', path, body, { ndjson: true });
    } catch (err) {
      // The whole request refused for load: same treatment as rejected items.
      if (!(err instanceof OpenSearchError && err.status === 429) || attempt >= tries) throw err;
      opts.onRetry?.(todo.length, wait);
      await sleep(wait);
      wait *= 2;
      continue;
    }
    if (!r!.errors) return;
    const again: BulkAction[] = [];
    r!.items.forEach((item, i) => {
      const res = Object.values(item)[0]!;
      if (res.status < 300) return;
      if (res.status === 429) again.push(todo[i]!);
      else
        throw new OpenSearchError(
          `OpenSearch refused a document (${res.status} ${res.error?.type ?? ''}: ${res.error?.reason ?? ''})`,
          res.status,
        );
    });
    if (again.length && attempt >= tries)
      throw new OpenSearchError(
        `OpenSearch kept rejecting ${again.length} document(s) for load after ${tries} tries`,
        429,
      );
    if (again.length) {
      opts.onRetry?.(again.length, wait);
      await sleep(wait);
      wait *= 2;
    }
    todo = again;
  }
}
