/**
 * What a scan needs of the baseline and config, and no more: the pre-commit hook loads this,
 * never the update, import or lock modules (index.ts re-exports everything for the commands).
 */
import { relative, resolve } from "node:path";
import { UsageError } from "../cli/errors.js";
import { readBaselineFile } from "./baseline-file.js";
import { indexBaseline, type Baseline } from "./apply-baseline.js";
import { displayPath } from "./config.js";

export { loadConfig, type ScanConfig } from "./config.js";
export { isPathAllowlisted, applyAllowlists } from "./allowlists.js";
export { applyBaseline, type Baseline } from "./apply-baseline.js";

/** Default baseline file name at the repository root. */
export const DEFAULT_BASELINE = ".secrets-baseline.json";

/** Absolute path of the baseline a command uses (`--baseline FILE`, else the default at root). */
export function baselinePath({ root, path }: { root: string; path?: string }): string {
  return path === undefined ? resolve(root, DEFAULT_BASELINE) : resolve(path);
}

/** Reads the baseline (default `.secrets-baseline.json` at root when present). Throws UsageError when malformed. */
export function loadBaseline({ root, path }: { root: string; path?: string }): Baseline | undefined {
  const abs = baselinePath({ root, path });
  const file = readBaselineFile(abs, displayPath(abs));
  if (!file) {
    if (path !== undefined) throw new UsageError(`${displayPath(abs)}: no such baseline file (create it with scan-secrets baseline update)`);
    return undefined;
  }
  const rel = relative(root, abs).split("\\").join("/");
  return indexBaseline(abs, file, rel.startsWith("..") ? undefined : rel);
}
