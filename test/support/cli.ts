import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The project checkout these tests belong to. */
export const PROJECT = join(import.meta.dirname, "..", "..");
/** The built CLI, as users run it (SCAN_SECRETS_BIN points the tests at another build, as in bench/). */
export const CLI = process.env.SCAN_SECRETS_BIN ?? join(PROJECT, "bin", "scan-secrets.js");

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

/** Makes a repository on branch main with a fixed identity and unsigned commits, running git through `run`. */
export function initRepo(run: (...args: string[]) => unknown, name = "T", email = "t@example.com"): void {
  run("init", "-q", "-b", "main");
  run("config", "user.email", email);
  run("config", "user.name", name);
  run("config", "commit.gpgsign", "false");
}

/** A fresh git repository with a fixed identity. */
export function tempRepo(): string {
  const dir = tempDir();
  initRepo((...args) => git(dir, ...args));
  return dir;
}

/** Runs git in dir and returns stdout; throws on failure. */
export function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}
