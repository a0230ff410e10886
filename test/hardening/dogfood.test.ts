/**
 * Hardening (dogfooding): the tool scans this repository's own working tree and real history and
 * verifies its own lockfile, exactly as a user runs it. A failure names the files and rules.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROJECT, runCli } from "../support/cli.js";
import { parseReport, type JsonFinding } from "../support/scan-json.js";

const commits = Number(spawnSync("git", ["rev-list", "--all", "--count"], { cwd: PROJECT, encoding: "utf8" }).stdout.trim() || 0);
const where = (findings: readonly JsonFinding[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}${f.commit ? ` @${f.commit.slice(0, 8)}` : ""}`);

describe("dogfood: scan-secrets on its own repository", () => {
  it("the working tree is clean (with the repository's own baseline and config)", () => {
    const r = runCli([".", "--format", "json"], PROJECT);
    const findings = where(parseReport(r.stdout).findings);
    expect({ code: r.code, findings, stderr: r.code === 2 ? r.stderr : "" }).toEqual({ code: 0, findings: [], stderr: "" });
  });

  it.skipIf(commits === 0)("the full history is clean (every commit of every ref; skipped only in a checkout without commits)", () => {
    const r = runCli(["--history", "--format", "json"], PROJECT);
    const findings = where(parseReport(r.stdout).findings);
    expect({ code: r.code, findings, stderr: r.code === 2 ? r.stderr : "" }).toEqual({ code: 0, findings: [], stderr: "" });
    const [, scanned, reachable] = /scanned (\d+) commits? of (\d+) reachable/.exec(r.stderr) ?? [];
    expect(Number(scanned)).toBe(Number(reachable));
    expect(Number(scanned)).toBeGreaterThanOrEqual(commits); // others may commit meanwhile
  });

  it("its own lockfile verifies", () => {
    const r = runCli(["verify-lockfile", "--cwd", PROJECT], PROJECT);
    expect({ code: r.code, out: r.code === 0 ? "" : r.stdout + r.stderr }).toEqual({ code: 0, out: "" });
  });
});
