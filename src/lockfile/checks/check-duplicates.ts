import type { Check, LockEntry, Problem } from "../types.js";
import { entryProblem, sourceOf } from "./problem.js";

/**
 * duplicate-entry: a key written twice (parsers keep one copy silently); conflicting-entry: two copies
 * that differ, npm v2 sections that disagree, or one registry package@version with two different
 * checksums: at most one of them is the real tarball.
 */
export const checkDuplicates: Check = (lock) => {
  const problems: Problem[] = [];
  for (const d of lock.duplicates) {
    const code = d.identical ? "duplicate-entry" : "conflicting-entry";
    const message = `${lock.path}: "${d.key}" appears twice${d.identical ? "" : " with different content"} (line ${d.line})`;
    problems.push({ code, lockfile: lock.path, package: d.key, message, line: d.line });
  }
  for (const c of lock.conflicts) {
    problems.push({ code: "conflicting-entry", lockfile: lock.path, package: c.key, message: `${lock.path}: ${c.key}: ${c.detail}`, line: lock.lineOf(c.key) });
  }
  const seen = new Map<string, LockEntry>();
  for (const e of lock.entries) {
    const source = sourceOf(e);
    if (e.local || !e.integrity || !(source.kind === "registry" || (source.kind === "url" && !source.repo))) continue;
    const id = `${e.realName}@${e.version}`;
    const first = seen.get(id);
    if (!first) seen.set(id, e);
    else if (disagree(first.integrity!, e.integrity)) {
      problems.push(entryProblem(lock, e, "conflicting-entry", `checksum differs from the other copy of ${id} at "${first.key}"`));
    }
  }
  return problems;
};

/** Two SRI strings disagree when they share an algorithm with different digests. */
function disagree(a: string, b: string): boolean {
  if (a === b) return false;
  const digests = new Map(a.trim().split(/\s+/).map((t) => [t.split("-")[0], t.split("?")[0]]));
  return b.trim().split(/\s+/).some((t) => digests.has(t.split("-")[0]) && digests.get(t.split("-")[0]) !== t.split("?")[0]);
}
