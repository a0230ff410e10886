/** Shared pieces of the hardening suite: the shipped rules, timing floors, user-error checks (JSON runs: ../support/scan-json.ts). */
import { execFileSync } from "node:child_process";
import { compileRules, type CompiledRules } from "../../src/engine/index.js";
import { loadRulePack } from "../../src/rules/load-rule-pack.js";
import type { CliRun } from "../support/cli.js";

let compiled: CompiledRules | undefined;

/** The shipped rule pack, compiled once per test file. */
export function shippedRules(): CompiledRules {
  return (compiled ??= compileRules(loadRulePack()));
}

/** Milliseconds `fn` takes (wall clock). */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** A user error as the contract wants it: exit 2, one line on stderr, no stack trace. */
export function isCleanUserError(r: CliRun): boolean {
  return r.code === 2 && r.stderr.trim().split("\n").length === 1 && !/\n\s+at |internal error/.test(r.stderr);
}

/** git with raw (Buffer) output, for names that are not UTF-8. */
export function gitRaw(cwd: string, args: string[], input?: Buffer): Buffer {
  return execFileSync("git", args, { cwd, input, maxBuffer: 1 << 28 });
}

/** Text that matches no rule but exercises the keyword prefilter: a same-size floor for timings. */
export function ordinaryText(size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const line = `const value${i} = config.get("key${i % 97}"); // token or password lookup ${i}\n`;
    parts.push(line);
    n += line.length;
  }
  return parts.join("").slice(0, size);
}
