/**
 * The default text report: findings grouped by file, one line each
 * (`file:line:column  rule-id  redacted-secret  [confidence]`), then a summary line.
 * Kept free of heavy imports: the pre-commit hook loads only this reporter.
 */
import type { Finding } from "../engine/types.js";
import { painter, type Paint } from "./color.js";
import { redact } from "./redact.js";
import { sortFindings, type ReportOptions, type ScanReport } from "./scan-report.js";

/** Renders the text report; ANSI colour only when `options.color` is true. */
export function formatText(report: ScanReport, options: ReportOptions = {}): string {
  const paint = painter(options.color === true);
  const out: string[] = [];
  for (const [file, findings] of groupByFile(sortFindings(report.findings))) {
    out.push(paint("bold", printable(file)));
    for (const f of findings) out.push(...findingLines(f, paint, options.redactPercent));
    out.push("");
  }
  const suppressed = sortFindings(report.suppressed ?? []);
  if (suppressed.length > 0) {
    out.push(paint("dim", "allowed (not failing):"));
    for (const f of suppressed) out.push(...findingLines(f, paint, options.redactPercent));
    out.push("");
  }
  out.push(summaryLine(report, paint));
  return `${out.join("\n")}\n`;
}

/** Findings of each file, in first-seen order of the (sorted) input. */
function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

/** The finding line, plus a commit line for history findings. */
function findingLines(f: Finding, paint: Paint, redactPercent?: number): string[] {
  const where = paint("cyan", `${printable(f.file)}:${f.line}:${f.column}`);
  const rule = paint(f.severity === "critical" || f.severity === "high" ? "red" : "yellow", f.ruleId);
  const tag = f.suppressedBy ? `  (${f.suppressedBy})` : "";
  const lines = [`  ${where}  ${rule}  ${redact(f.secret, redactPercent)}  [${f.confidence}]${tag}`];
  if (f.commit) {
    const who = f.author ? ` ${printable(f.author)}${f.email ? ` <${printable(f.email)}>` : ""}` : "";
    const when = f.date ? ` ${f.date}` : "";
    lines.push(paint("dim", `      commit ${f.commit.slice(0, 8)}${who}${when}`));
  }
  return lines;
}

/** A name with control characters (a file named "a\nb") escaped, so one finding stays one line. */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
}

/** `N findings in F files (B bytes, C commits) in D ms`, or `no secrets found (…) in D ms`. */
export function summaryLine(report: ScanReport, paint: Paint = painter(false)): string {
  const { stats } = report;
  const scanned = [plural(stats.files, "file") + " scanned", plural(stats.bytes, "byte")];
  if (report.kind === "history") scanned.push(plural(stats.commits, "commit"));
  const tail = `(${scanned.join(", ")}) in ${Math.round(stats.durationMs)} ms`;
  const allowed = report.suppressed?.length ? `, ${report.suppressed.length} allowed` : "";
  const n = report.findings.length;
  if (n === 0) return paint("green", `no secrets found${allowed} ${tail}`);
  const files = new Set(report.findings.map((f) => f.file)).size;
  return paint("red", `${plural(n, "finding")} in ${plural(files, "file")}${allowed} ${tail}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
