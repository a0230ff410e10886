/** The config's allowlists: path globs (minimatch), regexes and stopwords on the secret. */
import { createRequire } from "node:module";
import type { Finding } from "../engine/types.js";
import type { ScanConfig } from "./config.js";

/** Our default baseline: it holds only keyed hashes, which a generic rule could mistake for keys. */
const SELF_FILES = [".secrets-baseline.json"];
/** detect-secrets' baseline (SHA-1s only), wherever it is: detect-secrets itself never scans it. */
const FOREIGN_BASELINE = /(?:^|\/)\.secrets\.baseline$/;

/** True when the config's path allowlist excludes this root-relative path. */
export function isPathAllowlisted(config: ScanConfig, relPath: string): boolean {
  if (SELF_FILES.includes(relPath) || config.selfPaths.includes(relPath) || FOREIGN_BASELINE.test(relPath)) return true;
  return config.allowlist.paths.some((glob) => globMatches(glob, relPath));
}

/** A glob without a slash matches the base name anywhere (like .gitignore); with one, the whole path. */
export function globMatches(glob: string, relPath: string): boolean {
  return loadMinimatch()(relPath, glob, { dot: true, matchBase: !glob.includes("/") });
}

type Minimatch = typeof import("minimatch").minimatch;
let minimatchFn: Minimatch | undefined;

/** minimatch is loaded on the first glob only: most scans (and every pre-commit run without globs) never need it. */
function loadMinimatch(): Minimatch {
  return (minimatchFn ??= (createRequire(import.meta.url)("minimatch") as typeof import("minimatch")).minimatch);
}

/** Why the allowlist drops a secret, or undefined. */
export function allowlistReason(config: ScanConfig, secret: string): "regex" | "stopword" | undefined {
  if (config.allowlist.regexes.some((r) => r.test(secret))) return "regex";
  const lower = secret.toLowerCase();
  if (config.allowlist.stopwords.some((w) => lower.includes(w))) return "stopword";
  return undefined;
}

/** Marks findings that the config's allowlists suppress (`suppressedBy`); nothing is dropped. */
export function applyAllowlists(findings: Finding[], config: ScanConfig): Finding[] {
  return findings.map((f) => {
    if (f.suppressedBy) return f;
    // Sources that cannot skip files up front (history, staged) rely on this check.
    if (isPathAllowlisted(config, f.file)) return { ...f, suppressedBy: "path" };
    return allowlistReason(config, f.secret) ? { ...f, suppressedBy: "allowlist" } : f;
  });
}
