// Index settings for the length of a bulk load: no periodic refresh (each refresh writes a small
// segment that must be merged again later) and no replicas (each document would be indexed twice).
// The settings found before are kept in the index's _meta first, so a run that dies mid-load
// (killed, server gone) leaves them recorded: the next index run restores them, whatever it does.
import type { OpenSearchClient } from './client';
import { writeMeta, type IndexMeta } from './layout';

/** refresh_interval: the explicit value before the load, or null when it was the default. */
type BulkRestore = NonNullable<IndexMeta['bulk_restore']>;

interface FlatSettings {
  settings: Record<string, string | undefined>;
  defaults?: Record<string, string | undefined>;
}

const path = (index: string): string => `/${encodeURIComponent(index)}/_settings`;

async function currentSettings(client: OpenSearchClient, index: string): Promise<BulkRestore> {
  const r = (await client.request<Record<string, FlatSettings>>('GET', `${path(index)}?flat_settings=true`))!;
  const s = Object.values(r)[0]!.settings;
  return {
    refresh_interval: s['index.refresh_interval'] ?? null,
    number_of_replicas: s['index.number_of_replicas'] ?? '1',
  };
}

/** Records the current settings in `meta` (unless a dead run recorded them already), then sets
 *  refresh off and replicas 0. */
export async function beginBulkLoad(client: OpenSearchClient, index: string, meta: IndexMeta): Promise<void> {
  if (!meta.bulk_restore) {
    meta.bulk_restore = await currentSettings(client, index);
    await writeMeta(client, index, meta);
  }
  await client.request('PUT', path(index), { index: { refresh_interval: '-1', number_of_replicas: 0 } });
}

/** Puts back the settings recorded by beginBulkLoad (no-op when none are recorded). */
export async function endBulkLoad(client: OpenSearchClient, index: string, meta: IndexMeta): Promise<void> {
  const saved = meta.bulk_restore;
  if (!saved) return;
  await client.request('PUT', path(index), {
    index: { refresh_interval: saved.refresh_interval, number_of_replicas: Number(saved.number_of_replicas) },
  });
  delete meta.bulk_restore;
  await writeMeta(client, index, meta);
}
