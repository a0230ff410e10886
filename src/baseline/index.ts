/**
 * Configuration, allowlists and the baseline: what a scan suppresses after the engine.
 * The CLI imports only from here.
 */
import { relative, resolve } from "node:path";
import { UsageError } from "../cli/errors.js";
import { readBaselineFile } from "./baseline-file.js";
import { indexBaseline, type Baseline } from "./apply-baseline.js";
import { displayPath } from "./config.js";

export { loadConfig, resolveConfig, displayPath, DEFAULT_CONFIG, type ScanConfig } from "./config.js";
export { isPathAllowlisted, applyAllowlists, globMatches } from "./allowlists.js";
export { applyBaseline, matchEntry, indexBaseline, type Baseline, type ApplyBaselineOptions } from "./apply-baseline.js";
export { AUDIT_STATES, makeEntry, parseBaseline, readBaselineFile, serializeBaseline, type AuditState, type BaselineEntry, type BaselineFile } from "./baseline-file.js";
export { updateBaseline, type BaselineChanges } from "./update-baseline.js";
export { newSalt, secretHash } from "./secret-hash.js";
export { withLock } from "./lock.js";

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
export { importDetectSecrets } from "./import-detect-secrets.js";
export { importGitleaks, parseIgnoreLine } from "./import-gitleaks.js";
export type { ImportDecision, ImportFormat, ImportResult } from "./import-result.js";
export { mergeImported, type MergeCounts } from "./merge-imported.js";
