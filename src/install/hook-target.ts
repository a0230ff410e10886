import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../cli/errors.js";

/** lefthook's config file names, in its own lookup order. */
const LEFTHOOK_CONFIGS = ["lefthook.yml", "lefthook.yaml", ".lefthook.yml", ".lefthook.yaml", ".config/lefthook.yml", ".config/lefthook.yaml"];

/** Where `install` puts the hook: the repository's lefthook config, or its effective hooks directory. */
export interface HookTarget {
  /** Top level of the work tree. */
  root: string;
  /** Absolute hooks directory (`core.hooksPath` honoured; shared by linked worktrees). */
  hooksDir: string;
  /** Absolute path of the lefthook config when the repository uses lefthook. */
  lefthookConfig?: string;
}

/** Resolves the hook target of the repository containing cwd with one git process. */
export function findHookTarget(cwd: string): HookTarget {
  const r = spawnSync("git", ["rev-parse", "--show-toplevel", "--git-path", "hooks"], { cwd, encoding: "utf8" });
  const [root, hooks] = r.status === 0 ? r.stdout.split("\n") : [];
  if (r.error || !root || !hooks) {
    const why = (r.stderr || r.error?.message || "").trim().split("\n").pop()?.replace(/^fatal: /, "");
    throw new UsageError(`install: not inside a git work tree${why ? ` (${why})` : ""}`);
  }
  // --git-path answers relative to cwd (a relative core.hooksPath is relative to the top level).
  const hooksDir = resolve(cwd, hooks);
  const config = LEFTHOOK_CONFIGS.map((name) => join(root, name)).find((p) => existsSync(p));
  return { root, hooksDir, ...(config ? { lefthookConfig: config } : {}) };
}
