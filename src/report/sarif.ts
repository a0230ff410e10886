/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps,
 * GitLab). Locations are relative to the repository root (uriBaseId SRCROOT); each result carries
 * our position-free fingerprint in partialFingerprints so it keeps its identity when lines move.
 */
import type { Log, Result, Run, VersionControlDetails } from "sarif";
import type { Finding } from "../engine/types.js";
import { redact } from "./redact.js";
import { ruleDescriptors, sentence } from "./sarif-rules.js";
import { sortFindings, type ReportOptions, type ScanReport } from "./scan-report.js";

/** The schema URI GitHub and the SARIF validator recognise. */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** Key of our fingerprint in partialFingerprints; bump the version if the fingerprint changes. */
export const FINGERPRINT_KEY = "scanSecrets/v1";
const INFORMATION_URI = "https://www.npmjs.com/package/scan-secrets";
const ROOT_ID = "SRCROOT";

/** Renders a SARIF log with one run. */
export function formatSarif(report: ScanReport, options: ReportOptions = {}): string {
  return `${JSON.stringify(sarifLog(report, options), null, 2)}\n`;
}

/** The SARIF log object (exposed for tests and for merging shard runs). */
export function sarifLog(report: ScanReport, options: ReportOptions = {}): Log {
  const findings = sortFindings(report.findings);
  const suppressed = sortFindings(report.suppressed ?? []);
  const { descriptors, index } = ruleDescriptors([...findings, ...suppressed], options.rules);
  const toResult = (f: Finding): Result => sarifResult(f, index.get(f.ruleId) ?? 0, options.redactPercent);
  const run: Run = {
    tool: {
      driver: {
        name: "scan-secrets",
        version: report.toolVersion,
        semanticVersion: report.toolVersion,
        informationUri: INFORMATION_URI,
        rules: descriptors,
      },
    },
    invocations: [{ executionSuccessful: true }],
    originalUriBaseIds: { [ROOT_ID]: { description: { text: "The root of the scanned repository." } } },
    results: [...findings.map(toResult), ...suppressed.map(toResult)],
    columnKind: "utf16CodeUnits",
    properties: { scanKind: report.kind, ...report.stats },
  };
  const vcs = provenance(report);
  if (vcs) run.versionControlProvenance = [vcs];
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}

/** One result: redacted message, repo-relative location, stable fingerprint, commit metadata. */
function sarifResult(f: Finding, ruleIndex: number, redactPercent?: number): Result {
  const where = f.commit ? ` Introduced in commit ${f.commit}.` : "";
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: "error",
    message: { text: `${sentence(`${f.description} found: ${redact(f.secret, redactPercent)}`)}${where}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(f.file), uriBaseId: ROOT_ID },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: resultProperties(f),
  };
  if (f.suppressedBy) {
    const kind = f.suppressedBy === "inline" ? "inSource" : "external";
    result.suppressions = [{ kind, justification: `Allowed by ${f.suppressedBy}.` }];
  }
  return result;
}

function resultProperties(f: Finding): Record<string, unknown> {
  const props: Record<string, unknown> = { confidence: f.confidence, entropy: Math.round(f.entropy * 100) / 100 };
  if (f.commit) props.commit = f.commit;
  if (f.author) props.author = f.author;
  if (f.date) props.date = f.date;
  return props;
}

/** versionControlProvenance entry, when the repository URI is known. */
function provenance(report: ScanReport): VersionControlDetails | undefined {
  const repositoryUri = report.repositoryUri && normalizeRepositoryUri(report.repositoryUri);
  if (!repositoryUri) return undefined;
  const vcs: VersionControlDetails = { repositoryUri, mappedTo: { uriBaseId: ROOT_ID } };
  if (report.revision) vcs.revisionId = report.revision;
  if (report.branch) vcs.branch = report.branch;
  return vcs;
}

/**
 * A git remote as an absolute URI without credentials: `git@host:o/r.git` -> `ssh://git@host/o/r.git`,
 * `https://user:token@host/…` -> `https://host/…` (a remote URL can embed a token). Undefined if
 * the remote is a local path or unparsable.
 */
export function normalizeRepositoryUri(remote: string): string | undefined {
  const scp = /^([\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(remote.trim());
  const text = scp ? `ssh://${scp[1] ?? ""}${scp[2]}/${scp[3]!.replace(/^\/+/, "")}` : remote.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol === "file:") return undefined;
  if (url.protocol !== "ssh:") url.username = "";
  url.password = "";
  return url.href;
}

/** A repo-relative path as a relative URI reference (spaces, `#`, `%` … percent-encoded). */
function encodePath(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
