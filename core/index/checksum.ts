// How a snapshot tells whether a document changed: its body's length and FNV-1a hash.
import { fnv1aString } from './fnv1a';

export function bodyChecksum(body: string): string {
  return `${body.length}:${(fnv1aString(body) >>> 0).toString(36)}`;
}
