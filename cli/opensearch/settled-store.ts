// An index's size on disk once its merges have finished. `_stats/store` read straight after a
// force-merge still counts the segments merged away: their files are deleted only when no reader
// holds them any more, and the node caches the store size for `index.store.stats_refresh_interval`
// (10 s by default), so two quick reads agree on a stale figure. So: force-merge to one segment
// per shard (the call returns when the merge is done), refresh (readers let go of the old
// segments), then read `_stats/store` until it is no larger than the live segments' own sizes
// (`_segments`, not cached) allow: the merged-away files are then gone from the count.
import { OpenSearchError, type OpenSearchClient } from './client';

export interface SettledStore {
  /** Primary store size in bytes. */
  bytes: number;
  /** Live segments across the primary shards (1 per shard once merged). */
  segments: number;
  /** How the figure was obtained, for a report line. */
  how: string;
}

type Segs = Record<string, { size_in_bytes: number; search: boolean; committed: boolean }>;
interface SegmentsAnswer {
  indices: Record<string, { shards: Record<string, { routing: { primary: boolean }; segments: Segs }[]> }>;
}
interface StoreAnswer {
  _all: { primaries: { store: { size_in_bytes: number } } };
}

/** Files beside the segments (segments_N, write.lock): a little slack over their sizes. */
const SLACK = 1 << 20;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function liveSegments(client: OpenSearchClient, path: string): Promise<{ count: number; bytes: number }> {
  const r = (await client.request<SegmentsAnswer>('GET', `${path}/_segments`))!;
  let count = 0;
  let bytes = 0;
  for (const ix of Object.values(r.indices))
    for (const copies of Object.values(ix.shards))
      for (const c of copies)
        if (c.routing.primary)
          for (const s of Object.values(c.segments))
            if (s.search || s.committed) {
              count++;
              bytes += s.size_in_bytes;
            }
  return { count, bytes };
}

/** Force-merges `index` to one segment per shard and returns its primary store size once the
 *  merged-away segments are gone (polling at most `waitMs`; past that, an error). */
export async function settledStoreSize(
  client: OpenSearchClient,
  index: string,
  waitMs = 120_000,
): Promise<SettledStore> {
  const path = `/${encodeURIComponent(index)}`;
  await client.request('POST', `${path}/_flush`);
  await client.request('POST', `${path}/_forcemerge?max_num_segments=1`);
  const t0 = Date.now();
  for (;;) {
    await client.request('POST', `${path}/_refresh`);
    const live = await liveSegments(client, path);
    const store = (await client.request<StoreAnswer>('GET', `${path}/_stats/store`))!._all.primaries.store;
    const bytes = store.size_in_bytes;
    const s = ((Date.now() - t0) / 1000).toFixed(0);
    if (bytes <= live.bytes + SLACK)
      return {
        bytes,
        segments: live.count,
        how: `force-merged to ${live.count} segment(s), store read ${s} s later matches the live segments' size`,
      };
    if (Date.now() - t0 > waitMs)
      throw new OpenSearchError(
        `${index}: store size ${bytes} B still over its live segments' ${live.bytes} B after ${waitMs} ms`,
      );
    await sleep(2000);
  }
}
