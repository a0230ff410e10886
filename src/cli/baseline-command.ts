/** `scan-secrets baseline update|audit|import`: dispatch to one file per subcommand. */
import { UsageError } from "./errors.js";
import type { ParsedArgs } from "./parse-args.js";

const SUBCOMMANDS = "update, audit, import";

/** Runs a baseline subcommand; returns the exit code. */
export async function runBaselineCommand(args: ParsedArgs): Promise<number> {
  const sub = args.positionals[1];
  if (sub === "update") return (await import("./baseline-update.js")).runBaselineUpdate(args);
  if (sub === "audit") return (await import("./baseline-audit.js")).runBaselineAudit(args);
  if (sub === "import") return (await import("./baseline-import.js")).runBaselineImport(args);
  throw new UsageError(sub ? `baseline: unknown subcommand ${JSON.stringify(sub)} (${SUBCOMMANDS})` : `baseline: missing subcommand (${SUBCOMMANDS})`);
}
