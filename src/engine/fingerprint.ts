import { createHash } from "node:crypto";

/**
 * Stable identity of a finding: rule, file and secret, never its position, so it survives line
 * shifts and re-indentation (detect-secrets' model rather than gitleaks' line-based one). Keyed
 * with a fixed domain so the hash is of no use outside this tool.
 */
export function fingerprintOf(ruleId: string, file: string, secret: string): string {
  return createHash("sha256").update(`scan-secrets/v1\0${ruleId}\0${file}\0${secret}`).digest("hex").slice(0, 32);
}
