/** Scans run with `--format json` and their reports parsed: what most CLI tests assert on. */
import { expect } from "vitest";
import type { JsonFinding, JsonReport } from "../../src/report/json.js";
import { runCli, type CliRun } from "./cli.js";
import type { Repo } from "./git-repo.js";

/** A finding as the JSON report prints it (history fields only in history scans). */
export type { JsonFinding };

/** A JSON-format CLI run, parsed when it printed a report. */
export interface JsonRun extends CliRun {
  findings: JsonFinding[];
  stats?: JsonReport["stats"];
}

/** Parses a JSON report; empty output (a run that failed before reporting) has no findings. Anything else must be JSON. */
export function parseReport(stdout: string): Partial<JsonReport> & Pick<JsonReport, "findings"> {
  return stdout.trim() ? (JSON.parse(stdout) as JsonReport) : { findings: [] };
}

/** Runs `scan-secrets ARGS --format json --no-baseline` in cwd. */
export function scanJson(cwd: string, args: readonly string[]): JsonRun {
  const r = runCli([...args, "--format", "json", "--no-baseline"], cwd);
  const { findings, stats } = parseReport(r.stdout);
  return { ...r, findings, stats };
}

/** Where a staged-scan finding is. */
export type StagedHit = Pick<JsonFinding, "file" | "line" | "ruleId">;

/** The staged scan's findings in `repo` (JSON report), after checking its exit code agrees with them. */
export function stagedFindings(repo: Repo, cwd?: string): StagedHit[] {
  const r = repo.cli(["--staged", "--format", "json"], cwd);
  expect(r.code, r.stderr).toBe(r.stdout.includes('"ruleId"') ? 1 : 0);
  const report = JSON.parse(r.stdout) as JsonReport;
  return report.findings.map(({ file, line, ruleId }) => ({ file, line, ruleId }));
}
