#!/usr/bin/env node
// Renders sample worktree and history SARIF reports and runs Microsoft's SARIF validator on them
// (issue 7, acceptance 1). Not part of `npm test`: the validator is a separate download.
//   mkdir -p /tmp/sarif-tool && cd /tmp/sarif-tool && npm init -y && npm i @microsoft/sarif-multitool
//   node scripts/sarif-multitool-check.mjs [--tool-dir /tmp/sarif-tool] [--keep DIR]
// Exit 0 when every report validates with no error and no warning, 1 otherwise, 2 if no validator.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const toolDir = opt("--tool-dir", process.env.SARIF_TOOL_DIR ?? "/tmp/sarif-tool");
const outDir = opt("--keep", mkdtempSync(join(tmpdir(), "sarif-check-")));

/** The report modules: the build output when present, else a throw-away compile of src/report. */
async function loadSarif() {
  const built = join(repo, "dist", "report", "sarif.js");
  if (existsSync(built)) return import(pathToFileURL(built).href);
  const out = mkdtempSync(join(tmpdir(), "sarif-build-"));
  const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "--outDir", out, "--rootDir", join(repo, "src"), "--module", "NodeNext",
    "--moduleResolution", "NodeNext", "--target", "ES2022", "--strict", "--skipLibCheck",
    join(repo, "src", "report", "index.ts")], { stdio: "inherit" });
  return import(pathToFileURL(join(out, "report", "sarif.js")).href);
}

/** A token-shaped string made at run time, so this file holds no live-looking secret. */
const token = (prefix, n) => prefix + randomBytes(n).toString("base64url").replace(/[-_]/g, "x").slice(0, n);

function finding(extra) {
  return { ruleId: "github-pat", description: "GitHub personal access token", file: "src/config.ts",
    line: 12, column: 17, endLine: 12, endColumn: 57, secret: token("ghp_", 36), entropy: 4.81234,
    confidence: "high", severity: "critical", fingerprint: randomBytes(16).toString("hex"), ...extra };
}

function samples() {
  const stats = { files: 3, bytes: 1234, commits: 0, durationMs: 12 };
  const base = { root: repo, toolVersion: "0.1.0", stats };
  const aws = { ruleId: "aws-access-key-id", description: "AWS access key ID", file: "deploy/my env.sh",
    line: 3, column: 5, endLine: 3, endColumn: 25, secret: token("AKIA", 16), severity: "high" };
  const worktree = { ...base, kind: "worktree", findings: [finding(), finding(aws)],
    suppressed: [finding({ file: "test/fixture.ts", suppressedBy: "baseline" })],
    repositoryUri: "git@github.com:example/app.git", revision: "a".repeat(40), branch: "main" };
  const history = { ...base, kind: "history", stats: { ...stats, commits: 7 },
    findings: [finding({ commit: "b".repeat(40), author: "Dev One", email: "dev@example.com",
      date: "2024-05-01T10:00:00Z", message: "add config" })],
    repositoryUri: "https://github.com/example/app", revision: "c".repeat(40) };
  const bare = { ...base, kind: "staged", findings: [finding()] };
  return { worktree, history, "no-repository-uri": bare, empty: { ...base, kind: "worktree", findings: [] } };
}

// The native binary directly: the npm shim re-joins arguments through a shell.
const validator = join(toolDir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
if (!existsSync(validator)) {
  console.error(`sarif-multitool not found in ${toolDir} (see the header of this script)`);
  process.exit(2);
}
const { formatSarif } = await loadSarif();
mkdirSync(outDir, { recursive: true });
const rules = [{ id: "github-pat", description: "GitHub personal access token",
  remediation: "Revoke the token at https://github.com/settings/tokens",
  reference: "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/" }];
let failed = false;
for (const [name, report] of Object.entries(samples())) {
  const file = join(outDir, `${name}.sarif`);
  writeFileSync(file, formatSarif(report, { rules }));
  const run = spawnSync(validator, ["validate", file, "--level", "Error;Warning;Note"], { encoding: "utf8" });
  const lines = `${run.stdout}\n${run.stderr}`.split("\n");
  const count = (level) => lines.filter((l) => new RegExp(`: ${level} (SARIF|JSON)\\d+`).test(l)).length;
  const [errors, warnings, notes] = [count("error"), count("warning"), count("note")];
  console.log(`${name}: exit ${run.status}, ${errors} errors, ${warnings} warnings, ${notes} notes`);
  for (const l of lines.filter((l) => /: (error|warning) /.test(l))) console.log(`  ${l}`);
  if (run.status !== 0 || errors + warnings > 0) failed = true;
}
console.log(`reports in ${outDir}`);
process.exit(failed ? 1 : 0);
