/**
 * Inline allow comments: our own marker, plus gitleaks' and detect-secrets' so that teams can
 * migrate without touching every suppressed line.
 */
const MARKERS = /scan-secrets:allow|gitleaks:allow|pragma: ?allowlist[ -]secret/;

/** True when the line carries an inline allow marker. */
export function hasInlineAllow(line: string): boolean {
  return MARKERS.test(line);
}
