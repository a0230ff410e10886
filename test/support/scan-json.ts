/** Scans run with `--format json` and their reports parsed: what most CLI tests assert on. */
import { expect } from "vitest";
import { runCli, type CliRun } from "./cli.js";
import type { Repo } from "./git-repo.js";

/** The parts of a JSON report finding the tests look at (history fields only in history scans). */
export interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  secret: string;
  fingerprint: string;
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
  message?: string;
}

/** A JSON report as the CLI prints it. */
export interface JsonReport {
  findings: JsonFinding[];
  stats?: { files: number; bytes: number; commits: number };
}

/** A JSON-format CLI run, parsed when it printed a report. */
export interface JsonRun extends CliRun {
  findings: JsonFinding[];
  stats?: JsonReport["stats"];
}

/** Parses a JSON report; empty output (a run that failed before reporting) has no findings. Anything else must be JSON. */
export function parseReport(stdout: string): JsonReport {
  return stdout.trim() ? (JSON.parse(stdout) as JsonReport) : { findings: [] };
}

/** Runs `scan-secrets ARGS --format json --no-baseline` in cwd. */
export function scanJson(cwd: string, args: readonly string[]): JsonRun {
  const r = runCli([...args, "--format", "json", "--no-baseline"], cwd);
  const { findings, stats } = parseReport(r.stdout);
  return { ...r, findings, stats };
}

/** Where a staged-scan finding is. */
export interface StagedHit {
  file: string;
  line: number;
  ruleId: string;
}

/** The staged scan's findings in `repo` (JSON report), after checking its exit code agrees with them. */
export function stagedFindings(repo: Repo, cwd?: string): StagedHit[] {
  const r = repo.cli(["--staged", "--format", "json"], cwd);
  expect(r.code, r.stderr).toBe(r.stdout.includes('"ruleId"') ? 1 : 0);
  const report = JSON.parse(r.stdout) as { findings: StagedHit[] };
  return report.findings.map(({ file, line, ruleId }) => ({ file, line, ruleId }));
}
