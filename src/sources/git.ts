import { spawnSync } from "node:child_process";
import { UsageError } from "../cli/errors.js";

/** Runs git synchronously and returns stdout; a failure becomes a one-line UsageError. */
export function git(args: readonly string[], cwd: string, options: { input?: string; allowFail?: boolean } = {}): string {
  const r = spawnSync("git", args, { cwd, input: options.input, encoding: "utf8", maxBuffer: 2 ** 30 });
  if (r.error) throw new UsageError(`git: ${r.error.message}`);
  if (r.status !== 0) {
    if (options.allowFail) return "";
    const msg = (r.stderr || "").trim().split("\n").pop() || `exit ${r.status}`;
    throw new UsageError(`git ${args[0]}: ${msg}`);
  }
  return r.stdout;
}

/** Like git() but returns raw bytes (for -z listings with non-UTF-8 names and blob contents). */
export function gitBuffer(args: readonly string[], cwd: string): Buffer {
  const r = spawnSync("git", args, { cwd, maxBuffer: 2 ** 30 });
  if (r.error) throw new UsageError(`git: ${r.error.message}`);
  if (r.status !== 0) {
    const msg = (r.stderr?.toString() || "").trim().split("\n").pop() || `exit ${r.status}`;
    throw new UsageError(`git ${args[0]}: ${msg}`);
  }
  return r.stdout;
}

/** The repository's top-level directory, or undefined outside a work tree. */
export function findRepoRoot(cwd: string): string | undefined {
  const r = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8" });
  if (r.status !== 0) return undefined;
  const top = r.stdout.trim();
  return top || undefined;
}
