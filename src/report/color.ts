/** Minimal ANSI styling for the text report, and the NO_COLOR / TTY decision. */

/** Styles the text report uses. */
export type Style = "bold" | "dim" | "red" | "yellow" | "cyan" | "green";

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
};

/** A painter: applies a style when colour is on, returns the text unchanged otherwise. */
export type Paint = (style: Style, text: string) => string;

/** Returns a painter for `enabled`. */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}

/**
 * Whether to colour output written to `stream`: never when `NO_COLOR` is set and non-empty
 * (https://no-color.org) or `TERM=dumb`; always when `FORCE_COLOR` is set to anything but "0";
 * otherwise only on a terminal.
 */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") return env.FORCE_COLOR !== "0";
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}
