/**
 * Configuration, allowlists and the baseline: what a scan suppresses after the engine.
 * The baseline commands import from here; scans import the lighter scan.ts.
 */

export { loadConfig, resolveConfig, displayPath, DEFAULT_CONFIG, type ScanConfig } from "./config.js";
export { isPathAllowlisted, applyAllowlists, globMatches } from "./allowlists.js";
export { applyBaseline, matchEntry, indexBaseline, type Baseline, type ApplyBaselineOptions } from "./apply-baseline.js";
export { AUDIT_STATES, makeEntry, parseBaseline, readBaselineFile, serializeBaseline, type AuditState, type BaselineEntry, type BaselineFile } from "./baseline-file.js";
export { updateBaseline, type BaselineChanges } from "./update-baseline.js";
export { newSalt, secretHash } from "./secret-hash.js";
export { withLock } from "./lock.js";

export { DEFAULT_BASELINE, baselinePath, loadBaseline } from "./scan.js";
export { importDetectSecrets } from "./import-detect-secrets.js";
export { importGitleaks, parseIgnoreLine } from "./import-gitleaks.js";
export type { ImportDecision, ImportFormat, ImportResult } from "./import-result.js";
export { mergeImported, type MergeCounts } from "./merge-imported.js";
