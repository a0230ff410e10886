/**
 * Report formats: `renderReport(format, report, options)`. Every format module is dependency-free
 * and small, so importing them all here is cheap; the pre-commit path may import `text.js` alone.
 */
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import type { ReportOptions, ScanReport } from "./scan-report.js";
import { formatText } from "./text.js";

export type { ReportOptions, RuleMeta, ScanKind, ScanReport } from "./scan-report.js";
export { redact, REDACTION_MARKER } from "./redact.js";
export { shouldUseColor } from "./color.js";

/** The values `--format` accepts. */
export const REPORT_FORMATS = ["text", "json", "sarif", "github"] as const;

/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether `s` names a report format (for `--format` validation). */
export function isReportFormat(s: unknown): s is ReportFormat {
  return typeof s === "string" && (REPORT_FORMATS as readonly string[]).includes(s);
}

const RENDERERS: Record<ReportFormat, (report: ScanReport, options: ReportOptions) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

/** Renders `report` in `format`; every format redacts secrets (see redact.ts). */
export function renderReport(format: ReportFormat, report: ScanReport, options: ReportOptions = {}): string {
  return RENDERERS[format](report, options);
}
