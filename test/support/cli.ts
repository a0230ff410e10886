import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The built CLI, as users run it. */
export const CLI = join(import.meta.dirname, "..", "..", "bin", "scan-secrets.js");

/** Result of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scan-secrets ARGS` in cwd, without colour. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync("node", [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh directory in the OS temp dir. */
export function tempDir(prefix = "scan-secrets-test-"): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** A fresh git repository with a fixed identity. */
export function tempRepo(): string {
  const dir = tempDir();
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "t@example.com");
  git(dir, "config", "user.name", "T");
  git(dir, "config", "commit.gpgsign", "false");
  return dir;
}

/** Runs git in dir and returns stdout; throws on failure. */
export function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}
