#!/usr/bin/env node
// Issue 6, acceptance 2: on every npm and yarn fixture, does `verify-lockfile` report each real problem
// lockfile-lint (strictest options) reports? lockfile-lint lives OUTSIDE the repo (default /tmp/ll,
// or $LOCKFILE_LINT_DIR) and is installed there on first use. Needs `npm run build` (dist/).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const llDir = process.env.LOCKFILE_LINT_DIR ?? "/tmp/ll";
const llBin = join(llDir, "node_modules", "lockfile-lint", "bin", "lockfile-lint.js");
if (!existsSync(llBin)) execFileSync("npm", ["i", "--prefix", llDir, "--no-save", "lockfile-lint"], { stdio: "inherit" });
const { verifyLockfiles } = await import(join(repo, "dist", "lockfile", "verify.js"));
const { detectLockfiles } = await import(join(repo, "dist", "lockfile", "detect.js"));
const { parseLockfile } = await import(join(repo, "dist", "lockfile", "parse", "parse-lockfile.js"));
const { classifySource } = await import(join(repo, "dist", "lockfile", "source.js"));

/** lockfile-lint validator -> our codes that cover the same problem. */
const COVERS = {
  protocol: ["insecure-protocol", "disallowed-scheme", "file-outside-project"],
  scheme: ["disallowed-scheme", "insecure-protocol", "file-outside-project"],
  integrity: ["weak-integrity", "malformed-integrity", "missing-integrity"],
  name: ["name-mismatch"],
  host: ["disallowed-host", "file-outside-project"],
};
const PASSES = [
  ["--validate-https", "--validate-integrity", "--validate-package-names", "--allowed-hosts", "npm", "yarn", "--empty-hostname", "false"],
  ["--allowed-schemes", "https:", "--allowed-hosts", "npm", "yarn"],
];

function lockfileLint(file) {
  const issues = new Map();
  for (const pass of PASSES) {
    const out = spawnSync(process.execPath, [llBin, "--path", file, ...pass, "--format", "plain"], { encoding: "utf8" });
    for (const m of `${out.stdout}${out.stderr}`.matchAll(/^detected (.+?) for package: (\S+)/gm)) {
      const validator = /protocol/.test(m[1]) ? "protocol" : /scheme/.test(m[1]) ? "scheme" : /integrity/.test(m[1]) ? "integrity" : /name/.test(m[1]) ? "name" : "host";
      const name = nameOf(m[2]);
      issues.set(`${validator} ${name}`, { validator, name });
    }
  }
  return [...issues.values()];
}

/** `@s/p@1.0.0-<hash>`, `p@^1`, `p` -> package name. */
function nameOf(text) {
  const at = text.indexOf("@", 1);
  return at < 0 ? text : text.slice(0, at);
}

const BASE = join(repo, "test", "fixtures", "lockfile");
const rows = [];
for (const dir of readdirSync(BASE).sort()) {
  if (!/^(ok|ng)\./.test(dir)) continue;
  const file = ["package-lock.json", "yarn.lock"].map((f) => join(BASE, dir, f)).find(existsSync);
  if (!file) continue;
  const ours = (await verifyLockfiles({ root: join(BASE, dir) })).problems;
  const [found] = detectLockfiles(join(BASE, dir));
  const lock = await parseLockfile(found.format, found.text, found.path);
  // Packages fetched from the configured registry with no URL in the lockfile (berry `npm:`): lockfile-lint
  // reads "npm:1.0.0" as a host and scheme, a false alarm on every berry lockfile.
  const implicitRegistry = new Set(lock.entries.filter((e) => classifySource(e.resolved).kind === "registry").map((e) => e.name));
  const ourNames = (code) => new Set(ours.filter((p) => p.code === code).map((p) => nameOf(p.package.split(" ")[0])));
  for (const issue of lockfileLint(file)) {
    const covered = COVERS[issue.validator].some((code) => ourNames(code).has(issue.name));
    rows.push({ dir, ...issue, covered, implicit: implicitRegistry.has(issue.name) });
  }
  rows.push({ dir, ours: ours.length });
}

// An uncovered lockfile-lint issue counts as a false alarm when lockfile-lint raises it on a valid ok.* fixture too.
const falseAlarmNames = new Set(rows.filter((r) => r.dir.startsWith("ok.") && r.validator).map((r) => `${r.validator} ${r.name}`));
let real = 0;
let realCovered = 0;
let falseAlarms = 0;
for (const dir of [...new Set(rows.map((r) => r.dir))]) {
  const issues = rows.filter((r) => r.dir === dir && r.validator);
  const ours = rows.find((r) => r.dir === dir && r.ours !== undefined).ours;
  const describe = (r) => `${r.validator}:${r.name}`;
  const isFalse = (r) => dir.startsWith("ok.") || (!r.covered && (r.implicit || falseAlarmNames.has(`${r.validator} ${r.name}`)));
  const realIssues = issues.filter((r) => !isFalse(r));
  real += realIssues.length;
  realCovered += realIssues.filter((r) => r.covered).length;
  falseAlarms += issues.filter(isFalse).length;
  console.log(`${dir}: lockfile-lint ${issues.length} (${realIssues.length} real, ${issues.length - realIssues.length} false alarms), ours ${ours} problems`);
  const missed = realIssues.filter((r) => !r.covered);
  if (missed.length) console.log(`  NOT REPORTED BY US: ${missed.map(describe).join(", ")}`);
  const alarms = issues.filter(isFalse);
  if (alarms.length) console.log(`  lockfile-lint false alarms: ${alarms.map(describe).join(", ")}`);
}
console.log(`\nreal problems lockfile-lint reports: ${real}, also reported by verify-lockfile: ${realCovered}; lockfile-lint false alarms: ${falseAlarms}`);
process.exitCode = real === realCovered ? 0 : 1;
