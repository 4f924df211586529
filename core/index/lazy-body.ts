// Documents whose text stays in storage until it is needed. A worker start restores the persisted
// index with only each document's metadata and checksum; the text of the few documents a page is
// aligned with (and of lookup's hits) is read into a small cache first. Reading the body of a
// document that was not loaded throws MissingBodyError naming it, so a forgotten load is a clear
// error, never a wrong answer.
import type { CorpusDoc, DocMeta } from '../model/types';

export class MissingBodyError extends Error {
  constructor(readonly ids: string[]) {
    super(`The text of ${ids.join(', ')} is not loaded from storage`);
    this.name = 'MissingBodyError';
  }
}

/** Most recently used bodies, bounded by their total characters. Bodies can be pinned (lookup's
 *  preparation reads every one once): pinned bodies are never evicted until unpinned. */
export class BodyCache {
  private readonly map = new Map<string, string>();
  private chars = 0;
  private pinned: Set<string> | null = null;
  private pins = 0;

  constructor(readonly maxChars = 2_000_000) {}

  /** Ids asked for and not loaded while collecting (see collectMissing). */
  collecting: Set<string> | null = null;

  get(id: string): string | undefined {
    const b = this.map.get(id);
    if (b !== undefined) {
      this.map.delete(id);
      this.map.set(id, b);
      this.pinned?.add(id);
    }
    return b;
  }

  /** Whether the body is loaded; while pinned, one looked at stays. */
  has(id: string): boolean {
    const yes = this.map.has(id);
    if (yes) this.pinned?.add(id);
    return yes;
  }

  set(id: string, body: string): void {
    this.delete(id);
    this.map.set(id, body);
    this.chars += body.length;
    this.pinned?.add(id);
    this.evict();
  }

  delete(id: string): void {
    const b = this.map.get(id);
    if (b === undefined) return;
    this.map.delete(id);
    this.chars -= b.length;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }

  /** Bodies set from now until the matching unpin() stay, whatever the bound (pins nest: the
   *  bodies are released when the last one ends). */
  pin(): void {
    this.pins++;
    this.pinned ??= new Set();
  }

  unpin(): void {
    if (this.pins > 0 && --this.pins > 0) return;
    this.pinned = null;
    this.evict();
  }

  get size(): number {
    return this.map.size;
  }

  get totalChars(): number {
    return this.chars;
  }

  private evict(): void {
    for (const [id, b] of this.map) {
      if (this.chars <= this.maxChars) return;
      if (this.pinned?.has(id)) continue;
      this.map.delete(id);
      this.chars -= b.length;
    }
  }
}

const lazy = new WeakMap<CorpusDoc, { sum: string; cache: BodyCache }>();

/** A document whose body is read from `cache` (throwing MissingBodyError when absent). `sum` is
 *  the checksum of its body as stored, so a snapshot can be matched without reading it. The body
 *  is not enumerable: spreading the document never reads it. */
export function lazyDoc(meta: DocMeta, sum: string, cache: BodyCache): CorpusDoc {
  const doc = { ...meta } as CorpusDoc;
  Object.defineProperty(doc, 'body', {
    enumerable: false,
    get(): string {
      const b = cache.get(meta.id);
      if (b !== undefined) return b;
      if (!cache.collecting) throw new MissingBodyError([meta.id]);
      cache.collecting.add(meta.id);
      return '';
    },
  });
  lazy.set(doc, { sum, cache });
  return doc;
}

/** The stored checksum of a lazy document (undefined for a document holding its body). */
export function knownSum(doc: CorpusDoc): string | undefined {
  return lazy.get(doc)?.sum;
}

/** True when reading the document's body would throw. */
export function bodyMissing(doc: CorpusDoc): boolean {
  const l = lazy.get(doc);
  return !!l && !l.cache.has(doc.id);
}

/** Runs fn with missing bodies read as empty text, and returns which ones it asked for: a dry run
 *  that finds every document a computation reads (its result is thrown away). */
export function collectMissing(cache: BodyCache, fn: () => unknown): string[] {
  const outer = cache.collecting;
  const seen = new Set<string>();
  cache.collecting = seen;
  try {
    fn();
  } finally {
    cache.collecting = outer;
  }
  return [...seen];
}
