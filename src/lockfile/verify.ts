import { resolve } from "node:path";
import { ALL_CHECKS } from "./checks/all-checks.js";
import { detectLockfiles } from "./detect.js";
import { parseLockfile } from "./parse/parse-lockfile.js";
import { loadProject, type ProjectOptions } from "./project.js";
import type { Problem } from "./types.js";

/** Result of verifying a project's lockfiles (the JSON report's content). */
export interface VerifyResult {
  /** Lockfile paths relative to the project root. */
  lockfiles: string[];
  problems: Problem[];
}

/**
 * detect -> parse -> entries -> checks -> problems, for every lockfile in `root`. Throws
 * `LockfileError` (exit 2) for a missing, unreadable, unparsable or unknown lockfile.
 */
export async function verifyLockfiles(options: ProjectOptions): Promise<VerifyResult> {
  const root = resolve(options.root);
  const found = detectLockfiles(root);
  const ctx = await loadProject({ ...options, root });
  const problems: Problem[] = [];
  for (const file of found) {
    const lock = await parseLockfile(file.format, file.text, file.path);
    for (const check of ALL_CHECKS) problems.push(...check(lock, ctx));
  }
  return { lockfiles: found.map((f) => f.path), problems: problems.sort(byPosition) };
}

function byPosition(a: Problem, b: Problem): number {
  return a.lockfile.localeCompare(b.lockfile) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code) || a.package.localeCompare(b.package);
}
