// Keep pages as you read: a page detected as a speech is saved into the user corpus when the
// setting is on and its site is not excluded. Never the same page twice: the addresses and text
// keys of every user document are held in memory (built once per worker from their stored
// metadata, no body read) and
// checked before each save; saves run one at a time so two quick visits cannot both pass the check.
import { keptPageDoc, textKey, urlKey } from '../../core/corpus/kept-page';
import type { PageText } from '../../core/model/page';
import type { Settings } from '../../core/model/settings';
import { isSiteDisabled } from '../site-filter';
import type { UserDocRecord } from '../storage/db';
import type { UserDocStore } from '../storage/user-docs';
import type { ServiceContext } from './service';

interface Seen {
  urls: Set<string>;
  texts: Set<string>;
}

/** True when `page` should be kept under `settings` (before the duplicate check). */
export function wantsKeeping(page: PageText, settings: Settings): boolean {
  if (!settings.keepPages || !page.detect.speechLike || page.text.trim() === '') return false;
  let host: string;
  try {
    const url = new URL(page.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    host = url.hostname;
  } catch {
    return false;
  }
  return !isSiteDisabled(host, settings.keepPagesExcludedSites) && !isSiteDisabled(host, settings.disabledSites);
}

export class PageKeeper {
  private seen: Promise<Seen> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Pick<UserDocStore, 'metas' | 'addMany'>,
    private readonly now: () => number,
  ) {}

  /** The user corpus changed in another way (removal, restore, import): rebuild the keys. */
  forget(): void {
    this.seen = null;
  }

  private load(): Promise<Seen> {
    // From the documents' metadata: no body is read (each carries its text key).
    this.seen ??= this.store.metas().then((metas) => ({
      urls: new Set(metas.flatMap((m) => (m.url ? [urlKey(m.url)] : []))),
      texts: new Set(metas.flatMap((m) => (m.textKey ? [m.textKey] : []))),
    }));
    this.seen.catch(() => (this.seen = null));
    return this.seen;
  }

  /** Saves the page unless it (its address or its text) is already in the user corpus. */
  keep(page: PageText): Promise<UserDocRecord | null> {
    const run = this.queue.then(async () => {
      const seen = await this.load();
      const url = urlKey(page.url);
      const text = textKey(page.text);
      if (seen.urls.has(url) || seen.texts.has(text)) return null;
      const at = this.now();
      const rec: UserDocRecord = { ...keptPageDoc(page, new Date(at)), origin: 'user', addedAt: at };
      await this.store.addMany([rec]);
      seen.urls.add(url);
      seen.texts.add(text);
      return rec;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Keeps `page` when the setting says so. Tab analyses stay current (nothing else changed): only
 *  open panels are told to re-list the corpus. */
export async function keepIfWanted(c: ServiceContext, page: PageText): Promise<void> {
  if (!wantsKeeping(page, await c.deps.settings.load())) return;
  const rec = await c.keeper.keep(page);
  if (!rec) return;
  await c.deps.engine.update((engine) => engine.add([rec]));
  await c.deps.emit({ type: 'corpus-changed' });
}
