// Corpus titles, ids and texts are written to a terminal by the readable report: escape sequences
// in them (ESC [ … , OSC 8 links, a bell) would drive the terminal, and bidi overrides would make a
// line read differently from what it holds. They are replaced before printing; JSON output keeps
// the exact strings (it is escaped by JSON.stringify and read by programs).
// C0 controls (tab and newlines included: every report line is one line), DEL and C1 controls,
// and the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with control and bidi characters replaced by a space (a space keeps words apart). */
export function plain(s: string): string {
  return s.replace(UNSAFE, ' ');
}
