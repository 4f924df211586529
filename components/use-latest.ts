// A callback whose identity never changes but which always runs the latest render's function, so an
// effect can call it without re-running whenever the component re-renders (React's useEffectEvent).
import { useCallback, useRef } from 'preact/hooks';

export function useLatest<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
