export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Text for a metadata line: the non-empty parts joined by a middle dot. */
export const metaLine = (...parts: (string | undefined)[]): string => parts.filter((p) => p && p.trim()).join(' · ');

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
