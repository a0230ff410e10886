import type { VerifyResult } from "./verify.js";

/** Plain-text report: one line per problem (`lockfile:line  code  message`), then a summary line. */
export function formatLockfileText({ lockfiles, problems }: VerifyResult): string {
  const lines = problems.map((p) => `${p.lockfile}${p.line ? `:${p.line}` : ""}  ${p.code}  ${stripPrefix(p.message, p.lockfile)}`);
  const verdict = problems.length === 0 ? "no problems" : `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  lines.push(`verify-lockfile: ${lockfiles.join(", ")}: ${verdict}`);
  return `${lines.join("\n")}\n`;
}

/** Messages start with the lockfile name for JSON consumers; the text line already shows it. */
function stripPrefix(message: string, lockfile: string): string {
  return message.startsWith(`${lockfile}: `) ? message.slice(lockfile.length + 2) : message;
}
