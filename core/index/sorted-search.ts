// Binary search over a sorted typed array, shared by the fingerprint and phrase indexes.

/** Index of `key` in `keys[lo..hi]` (inclusive, ascending), or -1. */
export function findSorted(keys: ArrayLike<number>, key: number, lo = 0, hi = keys.length - 1): number {
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}
