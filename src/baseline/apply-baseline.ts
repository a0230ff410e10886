/** Matching findings against a loaded baseline: rule + file + keyed secret hash, never lines. */
import type { Finding } from "../engine/types.js";
import type { BaselineEntry, BaselineFile } from "./baseline-file.js";
import { entryKey, secretHash } from "./secret-hash.js";

/** A baseline ready to match against. */
export interface Baseline {
  /** Absolute path of the baseline file. */
  path: string;
  /** The baseline file's path relative to the scan root (its own findings are never reported). */
  relPath?: string;
  file: BaselineFile;
  byKey: Map<string, BaselineEntry>;
}

export interface ApplyBaselineOptions {
  /** `--fail-on-unaudited`: only audited entries (accepted, false-positive) suppress. */
  failOnUnaudited?: boolean;
}

/** Indexes a baseline file for matching. */
export function indexBaseline(path: string, file: BaselineFile, relPath?: string): Baseline {
  const byKey = new Map(file.entries.map((e) => [entryKey(e.ruleId, e.file, e.hash), e] as const));
  return { path, relPath, file, byKey };
}

/** The baseline entry a finding matches, if any. */
export function matchEntry(finding: Finding, baseline: Baseline): BaselineEntry | undefined {
  return baseline.byKey.get(entryKey(finding.ruleId, finding.file, secretHash(baseline.file.salt, finding.secret)));
}

/** Marks findings the baseline accepts (`suppressedBy: "baseline"`); already suppressed ones stay as they are. */
export function applyBaseline(findings: Finding[], baseline: Baseline | undefined, { failOnUnaudited = false }: ApplyBaselineOptions = {}): Finding[] {
  if (!baseline) return findings;
  return findings.map((f) => {
    if (f.suppressedBy) return f;
    // The baseline file holds only hashes, but a generic rule may still mistake one for a key.
    if (baseline.relPath && f.file === baseline.relPath) return { ...f, suppressedBy: "path" };
    const entry = matchEntry(f, baseline);
    if (!entry || (failOnUnaudited && entry.state === "unaudited")) return f;
    return { ...f, suppressedBy: "baseline" };
  });
}
