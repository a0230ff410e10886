/** Read-modify-write of the baseline file under its lock; never overwrites a file it cannot parse. */
import { readFileSync } from "node:fs";
import { displayPath, newSalt, readBaselineFile, serializeBaseline, withLock, type BaselineFile } from "../baseline/index.js";
import { writeAtomic } from "./write-output.js";
import { UsageError } from "./errors.js";

/** Result of a change: what `change` returned and whether the file was rewritten. */
export interface StoreResult<T> {
  value: T;
  written: boolean;
}

/**
 * Re-reads the baseline while holding the lock (another update may have just written it), applies
 * `change`, and writes atomically only when the canonical text differs. A malformed baseline
 * throws a UsageError before anything is written.
 */
export async function changeBaseline<T>(path: string, change: (current: BaselineFile) => { baseline: BaselineFile; value: T }): Promise<StoreResult<T>> {
  const shown = displayPath(path);
  return withLock(path, () => {
    const current = readBaselineFile(path, shown) ?? { version: 1, salt: newSalt(), entries: [] };
    const { baseline, value } = change(current);
    const text = serializeBaseline(baseline);
    if (text === readText(path)) return { value, written: false };
    try {
      writeAtomic(path, text);
    } catch (err) {
      throw new UsageError(`${shown}: cannot write baseline (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return { value, written: true };
  });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
