/** What the CLI hands to a reporter: the findings of one scan plus its context. */
import type { Finding, ScanStats } from "../engine/types.js";

/** Which source produced the findings. */
export type ScanKind = "worktree" | "staged" | "history";

/** Severity levels a rule can carry. */
export type Severity = Finding["severity"];

/** One scan's results, ready to print. Findings still hold full secrets: reporters redact. */
export interface ScanReport {
  kind: ScanKind;
  /** Absolute path of the scan root (repository root, or the directory scanned). */
  root: string;
  findings: Finding[];
  /** Findings dropped by inline comments, allowlists or the baseline (`--show-allowed`). */
  suppressed?: Finding[];
  stats: ScanStats;
  /** package.json version of scan-secrets. */
  toolVersion: string;
  /** `remote.origin.url` (or the CI's repository URL), for SARIF versionControlProvenance. */
  repositoryUri?: string;
  /** Commit the scan ran on (HEAD). */
  revision?: string;
  branch?: string;
}

/** Rule metadata for reports that describe rules (SARIF); looked up by `id`. */
export interface RuleMeta {
  id: string;
  description: string;
  remediation?: string;
  severity?: Severity;
  /** Where the token format is documented. */
  reference?: string;
}

/** Options shared by all formats. */
export interface ReportOptions {
  /** `--redact N`: percent of each secret hidden; undefined = default (at most 4 chars shown). */
  redactPercent?: number;
  /** ANSI colour in the text format (decide with `shouldUseColor`). */
  color?: boolean;
  /** Metadata of the rule pack; rules not listed are described from their findings. */
  rules?: readonly RuleMeta[];
}

/** Findings ordered by file, line, column, rule: every format prints in this order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.commit ?? "", b.commit ?? ""),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
