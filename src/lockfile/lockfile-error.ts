/** A lockfile that cannot be verified: unreadable, unparsable or of an unknown format/version (exit 2). */
export class LockfileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem.replace(/\s*\n\s*/g, " ").trim()}`);
    this.name = "LockfileError";
  }
}

/** Plain-object guard for parsed lockfile data. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string field of a parsed object, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A `{name: spec}` map of a parsed object (non-string values dropped). */
export function specMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}
