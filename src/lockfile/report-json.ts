import type { VerifyResult } from "./verify.js";

/** `--format json`, the contract shape: `{ version: 1, lockfiles, problems: [{code, lockfile, package, message}] }`. */
export function formatLockfileJson({ lockfiles, problems }: VerifyResult): string {
  const out = problems.map((p) => ({ code: p.code, lockfile: p.lockfile, package: p.package, message: p.message, severity: "error", ...(p.line ? { line: p.line } : {}) }));
  return `${JSON.stringify({ version: 1, lockfiles, problems: out }, null, 2)}\n`;
}
