/**
 * Configuration, allowlists and the baseline: what a scan suppresses after the engine.
 * (Minimal first version; the full one replaces these bodies behind the same exports.)
 */
import type { Finding, RuleSpec } from "../engine/types.js";

/** The user's .scan-secrets.json, resolved. */
export interface ScanConfig {
  /** Extra rules, same schema as patterns/. */
  rules: RuleSpec[];
  disabledRules: string[];
  /** Per-rule minimum entropy. */
  entropy: Record<string, number>;
  /** Config file path, when one was read. */
  source?: string;
}

/** Reads the config (default `.scan-secrets.json` at root when present). Throws UsageError when invalid. */
export function loadConfig(_opts: { root: string; path?: string }): ScanConfig {
  return { rules: [], disabledRules: [], entropy: {} };
}

/** True when the config's path allowlist excludes this root-relative path. */
export function isPathAllowlisted(_config: ScanConfig, _relPath: string): boolean {
  return false;
}

/** Marks findings that the config's regex/stopword allowlists suppress (`suppressedBy: "allowlist"`). */
export function applyAllowlists(findings: Finding[], _config: ScanConfig): Finding[] {
  return findings;
}

/** A loaded baseline. */
export interface Baseline {
  path: string;
}

/** Reads the baseline (default `.secrets-baseline.json` at root when present). Throws UsageError when malformed. */
export function loadBaseline(_opts: { root: string; path?: string }): Baseline | undefined {
  return undefined;
}

/** Marks findings the baseline accepts (`suppressedBy: "baseline"`). */
export function applyBaseline(findings: Finding[], _baseline: Baseline | undefined): Finding[] {
  return findings;
}
