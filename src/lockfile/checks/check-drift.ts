import type { Check, ImporterLock, Lockfile, Problem, ProblemCode } from "../types.js";
import { declaredDeps } from "./declared-deps.js";
import { satisfiesSpec } from "./satisfies-spec.js";

/**
 * Drift from package.json, the cases where `npm ci` / `--frozen-lockfile` refuses or an install would
 * rewrite the lockfile: missing-from-lockfile, spec-mismatch, range-not-satisfied, extraneous-root-entry.
 */
export const checkDrift: Check = (lock, ctx) => {
  const problems: Problem[] = [];
  const workspaceNames = new Set([...ctx.manifests.values()].map((m) => m.name).filter(Boolean));
  const add = (code: ProblemCode, pkg: string, where: string, message: string) =>
    problems.push({ code, lockfile: lock.path, package: pkg, message: `${lock.path}: ${pkg} (${where}): ${message}` });
  for (const [dir, manifest] of ctx.manifests) {
    const where = dir ? `${dir}/package.json` : "package.json";
    const imp = lock.importers.find((i) => i.path === dir) ?? lock.importers.find((i) => i.path === "*");
    if (!imp) {
      add("missing-from-lockfile", dir, where, "workspace is not in the lockfile");
      continue;
    }
    const declared = declaredDeps(manifest, lock.recordsPeers);
    for (const [name, dep] of declared) {
      const issue = driftOf(lock, imp, name, dep.spec, dep.peerOnly, workspaceNames.has(name));
      if (issue) add(issue[0], name, where, issue[1]);
    }
    for (const [name, spec] of imp.specs ?? []) {
      if (!declared.has(name)) add("extraneous-root-entry", name, where, `lockfile still records "${spec}", package.json no longer declares it`);
    }
  }
  return problems;
};

function driftOf(lock: Lockfile, imp: ImporterLock, name: string, spec: string, peerOnly: boolean, isWorkspace: boolean): [ProblemCode, string] | undefined {
  const recorded = imp.specs?.get(name);
  if (imp.specs && recorded === undefined) return ["missing-from-lockfile", `declared "${spec}" but not in the lockfile`];
  if (recorded !== undefined && recorded.trim() !== spec.trim()) return ["spec-mismatch", `declared "${spec}" but the lockfile records "${recorded}"`];
  if (peerOnly && !lock.installsRootPeers) return undefined;
  const version = imp.resolve(name, spec);
  if (version === undefined) {
    if (isWorkspace) return undefined;
    if (!imp.specs && imp.knows?.(name)) return ["spec-mismatch", `declared "${spec}" but the lockfile has no entry for that spec`];
    return ["missing-from-lockfile", `declared "${spec}" but no locked package`];
  }
  if (satisfiesSpec(version, spec) === false) return ["range-not-satisfied", `locked version ${version} does not satisfy "${spec}"`];
  return undefined;
}
