import { spawn, spawnSync } from "node:child_process";
import { UsageError } from "../cli/errors.js";

/** The one-line error for a failed git command, naming its subcommand (past any `-c key=value`). */
export function gitFailure(args: readonly string[], stderr: string, code: number | null): UsageError {
  const sub = args.find((a, i) => !a.startsWith("-") && args[i - 1] !== "-c") ?? "";
  const msg = stderr.trim().split("\n").filter(Boolean).pop() || `exit ${code}`;
  return new UsageError(`git ${sub}: ${msg.replace(/^fatal: /, "")}`);
}

/** Runs git synchronously: stdout, or the failure (a spawn error is always thrown). */
function runSync(args: readonly string[], cwd: string, input?: string): { stdout: Buffer } | { failure: UsageError } {
  const r = spawnSync("git", args, { cwd, input, maxBuffer: 2 ** 30 });
  if (r.error) throw new UsageError(`git: ${r.error.message}`);
  return r.status === 0 ? { stdout: r.stdout } : { failure: gitFailure(args, r.stderr?.toString() ?? "", r.status) };
}

/** Runs git synchronously and returns stdout; a failure becomes a one-line UsageError (or "" with allowFail). */
export function git(args: readonly string[], cwd: string, options: { input?: string; allowFail?: boolean } = {}): string {
  const r = runSync(args, cwd, options.input);
  if ("stdout" in r) return r.stdout.toString("utf8");
  if (options.allowFail) return "";
  throw r.failure;
}

/** Like git() but returns raw bytes (for -z listings with non-UTF-8 names and blob contents). */
export function gitBuffer(args: readonly string[], cwd: string): Buffer {
  const r = runSync(args, cwd);
  if ("stdout" in r) return r.stdout;
  throw r.failure;
}

/** Runs git without blocking the event loop; resolves with stdout, a failure is a one-line UsageError. */
export function gitAsync(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout!.on("data", (d: Buffer) => out.push(d));
    child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4096)));
    child.on("error", (e) => reject(new UsageError(`git: ${e.message}`)));
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(gitFailure(args, err, code))));
    if (input !== undefined) {
      child.stdin!.on("error", () => undefined);
      child.stdin!.end(input);
    }
  });
}

/** The repository's top-level directory, or undefined outside a work tree. */
export function findRepoRoot(cwd: string): string | undefined {
  const r = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8" });
  if (r.status !== 0) return undefined;
  const top = r.stdout.trim();
  return top || undefined;
}
