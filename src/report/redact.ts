/** Secret redaction shared by every report format (issue 7: a secret is never printed in full). */

/** Appended to the visible prefix of every redacted secret. */
export const REDACTION_MARKER = "…(redacted)";

/** Characters shown by default: at most this many... */
const DEFAULT_MAX_SHOWN = 4;
/** ...and never more than this share of a short secret. */
const DEFAULT_MAX_SHARE = 0.25;

/**
 * Redacts `secret` for display. Without `percent`: shows at most the first 4 characters and at
 * most a quarter of the secret. With `percent` (0..100, the share hidden): `0` returns the secret
 * unchanged (only when the user asked for it explicitly), anything above 0 hides at least one
 * character, `100` shows nothing; values outside 0..100 get the default. Control characters in the shown part are escaped so the result
 * stays on one line (PEM blocks span lines).
 */
export function redact(secret: string, percent?: number): string {
  const chars = Array.from(secret);
  const shown = shownCount(chars.length, percent);
  if (shown >= chars.length) return escapeControls(secret);
  return escapeControls(chars.slice(0, shown).join("")) + REDACTION_MARKER;
}

/** How many leading characters (code points) of a secret of `length` may be shown. */
function shownCount(length: number, percent: number | undefined): number {
  // Anything but a number in 0..100 gets the default: a bad value must never reveal more.
  if (percent === undefined || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    return Math.min(DEFAULT_MAX_SHOWN, Math.floor(length * DEFAULT_MAX_SHARE));
  }
  const p = percent;
  if (p === 0) return length;
  const hidden = Math.max(1, Math.ceil((length * p) / 100));
  return Math.max(0, length - hidden);
}

/** `\n`, `\r`, `\t` and other C0 controls as visible escapes. */
function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
