/** `--format json`: the machine-readable report of /work/shared/CONTRACT.md ("JSON report"). */
import type { Finding, ScanStats } from "../engine/types.js";
import { redact } from "./redact.js";
import { sortFindings, type ReportOptions, type ScanReport } from "./scan-report.js";

/** One finding as printed: the finding's own fields with the secret redacted, undefined fields omitted. */
export type JsonFinding = Omit<Finding, "encoding">;

/** The whole JSON document (`suppressed` only when the scan kept suppressed findings). */
export interface JsonReport {
  version: 1;
  findings: JsonFinding[];
  suppressed?: JsonFinding[];
  stats: ScanStats;
}

/** Renders the JSON report, pretty-printed, with a trailing newline. */
export function formatJson(report: ScanReport, options: ReportOptions = {}): string {
  const doc: JsonReport = {
    version: 1,
    findings: sortFindings(report.findings).map((f) => toJsonFinding(f, options.redactPercent)),
    stats: { ...report.stats },
  };
  if (report.suppressed && report.suppressed.length > 0) {
    doc.suppressed = sortFindings(report.suppressed).map((f) => toJsonFinding(f, options.redactPercent));
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Builds the printed finding field by field, so a new internal field never leaks by default. */
export function toJsonFinding(f: Finding, redactPercent?: number): JsonFinding {
  const out: JsonFinding = {
    ruleId: f.ruleId,
    description: f.description,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    secret: redact(f.secret, redactPercent),
    fingerprint: f.fingerprint,
    entropy: Math.round(f.entropy * 100) / 100,
    confidence: f.confidence,
    severity: f.severity,
  };
  const optional = ["commit", "author", "email", "date", "message", "suppressedBy"] as const;
  for (const key of optional) {
    if (f[key] !== undefined) Object.assign(out, { [key]: f[key] });
  }
  return out;
}
