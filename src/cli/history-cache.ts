import { readFileSync } from "node:fs";
import { UsageError } from "./errors.js";
import { writeAtomic } from "./write-output.js";

/**
 * `--cache FILE`: the commits already scanned under one rule pack (and config). Holds commit
 * ids and a hash of the rules, never a secret. A different pack hash starts it afresh.
 */
export interface HistoryCache {
  version: 1;
  rulePack: string;
  commits: string[];
}

/** Reads the cache; a missing file or another rule pack gives an empty one. */
export function readHistoryCache(path: string, rulePack: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw new UsageError(`${path}: cannot read the cache (${(err as NodeJS.ErrnoException).code})`);
  }
  let data: Partial<HistoryCache>;
  try {
    data = JSON.parse(text) as Partial<HistoryCache>;
  } catch {
    throw new UsageError(`${path}: the cache is not valid JSON (delete it to start afresh)`);
  }
  if (data.version !== 1 || !Array.isArray(data.commits)) throw new UsageError(`${path}: not a scan-secrets history cache (delete it to start afresh)`);
  return data.rulePack === rulePack ? new Set(data.commits.filter((c) => typeof c === "string")) : new Set();
}

/** Writes the cache atomically, sorted so that it diffs cleanly. */
export function writeHistoryCache(path: string, rulePack: string, commits: Iterable<string>): void {
  const data: HistoryCache = { version: 1, rulePack, commits: [...new Set(commits)].sort() };
  writeAtomic(path, `${JSON.stringify(data, null, 1)}\n`);
}
