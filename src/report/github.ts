/**
 * `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), one per
 * finding, so findings show up as annotations on the pull request's diff. Escaping follows the
 * runner's rules (actions/toolkit `command.ts`: escapeData / escapeProperty).
 */
import type { Finding } from "../engine/types.js";
import { redact } from "./redact.js";
import { sortFindings, type ReportOptions, type ScanReport } from "./scan-report.js";

/** Escapes a workflow-command message: `%`, `\r`, `\n`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Renders one `::error` line per finding, then a plain summary line for the log. */
export function formatGithub(report: ScanReport, options: ReportOptions = {}): string {
  const lines = sortFindings(report.findings).map((f) => annotation(f, options.redactPercent));
  const n = report.findings.length;
  lines.push(n === 0 ? "scan-secrets: no secrets found" : `scan-secrets: ${n} finding${n === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}

/** The annotation of one finding. */
export function annotation(f: Finding, redactPercent?: number): string {
  const props: Array<[string, string | number]> = [
    ["file", f.file],
    ["line", f.line],
    ["col", f.column],
  ];
  if (f.endLine === f.line) props.push(["endColumn", f.endColumn]);
  else props.push(["endLine", f.endLine]);
  props.push(["title", `Secret: ${f.description} (${f.ruleId})`]);
  const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::error ${propText}::${escapeData(message(f, redactPercent))}`;
}

/** The annotation body: what was found and, for history scans, where it was introduced. */
function message(f: Finding, redactPercent?: number): string {
  let text = `${f.description} ${redact(f.secret, redactPercent)} [${f.confidence} confidence]`;
  if (f.commit) {
    text += `\nintroduced in commit ${f.commit.slice(0, 12)}`;
    if (f.author) text += ` by ${f.author}`;
    if (f.date) text += ` on ${f.date}`;
  }
  text += "\nRevoke and rotate this credential, then remove it from the code.";
  return text;
}
