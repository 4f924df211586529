export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Text for a metadata line: the non-empty parts joined by a middle dot. */
export const metaLine = (...parts: (string | undefined)[]): string => parts.filter((p) => p && p.trim()).join(' · ');

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A byte count as people read it: 820 B, 12.3 KB, 4.1 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
