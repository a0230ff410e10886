/** Errors the CLI turns into a one-line message and exit code 2 (never a stack trace). */

/** A user error: bad arguments, unreadable or invalid input files, git failures. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Message of any thrown value, on one line. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
