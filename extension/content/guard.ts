// Nothing the content script does may throw into the page: every callback goes through guard().

export function log(what: string, err: unknown): void {
  console.warn(`[suyuan] ${what}:`, err);
}

/** Wraps a callback so sync throws and async rejections are logged, never propagated. */
export function guard<A extends unknown[]>(what: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const out = fn(...args);
      if (out instanceof Promise) out.catch((err: unknown) => log(what, err));
    } catch (err) {
      log(what, err);
    }
  };
}
