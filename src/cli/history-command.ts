import { UsageError } from "./errors.js";
import type { ParsedArgs } from "./parse-args.js";

/** Not built yet. */
export async function runHistoryScan(_args: ParsedArgs): Promise<number> {
  throw new UsageError("this command is not available yet");
}
