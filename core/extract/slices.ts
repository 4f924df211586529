// Long work on the page's main thread, cut into slices of a few milliseconds with the page's turn
// (input, rendering) between them, so that no task of ours runs long. The DOM walk, detection and
// the content script's highlighting share it. Pure apart from the clock and the yield.

/** Gives the page its turn. scheduler.yield (Chromium 129+) resumes ahead of other tasks; a
 *  timer is the fallback. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Slicer {
  /** Call between units of work: yields to the page once this slice has run out (or has fewer
   *  than `reserveMs` left, for work that should not start in a slice's tail); rejects with the
   *  signal's reason if it was aborted meanwhile. Resolves at once (no yield) otherwise. */
  pause(reserveMs?: number): Promise<void> | void;
  /** When the current slice ends (performance.now() clock), for loops that read the clock
   *  themselves every few units rather than calling pause() for each. */
  readonly deadline: number;
  /** The slice length. */
  readonly ms: number;
}

export function slicer(ms = 8, signal?: AbortSignal): Slicer {
  let end = performance.now() + ms;
  return {
    ms,
    get deadline() {
      return end;
    },
    pause(reserveMs = 0) {
      if (performance.now() < end - reserveMs) return;
      return yieldToPage().then(() => {
        signal?.throwIfAborted();
        end = performance.now() + ms;
      });
    },
  };
}
