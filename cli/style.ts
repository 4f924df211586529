// Terminal styling for the human-readable report: colour only on a TTY and when NO_COLOR is unset
// (https://no-color.org); otherwise plain markers that survive a pipe or a log file.
export interface Style {
  color: boolean;
  bold(s: string): string;
  dim(s: string): string;
  good(s: string): string;
  warn(s: string): string;
  /** Text only in the corpus document (deleted on the page). */
  del(s: string): string;
  /** Text only on the page (inserted). */
  ins(s: string): string;
}

export function makeStyle(stream: NodeJS.WriteStream = process.stdout, env = process.env): Style {
  const color = Boolean(stream.isTTY) && env.NO_COLOR === undefined;
  const sgr = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    color,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    good: sgr(32, 39),
    warn: sgr(33, 39),
    del: color ? (s) => `\x1b[31;9m${s}\x1b[0m` : (s) => `[-${s}-]`,
    ins: color ? (s) => `\x1b[32;4m${s}\x1b[0m` : (s) => `{+${s}+}`,
  };
}
