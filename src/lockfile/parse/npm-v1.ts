import { isRecord, str } from "../lockfile-error.js";
import { classifySource } from "../source.js";
import type { LockEntry, Lockfile } from "../types.js";

/** Flattens a v1 `dependencies` tree into entries keyed like v2 paths (`node_modules/a/node_modules/b`). */
export function collectV1(deps: Record<string, unknown>, prefix = "", out = new Map<string, LockEntry>()): Map<string, LockEntry> {
  for (const [name, value] of Object.entries(deps)) {
    if (!isRecord(value)) continue;
    const key = `${prefix}node_modules/${name}`;
    out.set(key, v1Entry(key, name, value));
    if (isRecord(value.dependencies)) collectV1(value.dependencies, `${key}/`, out);
  }
  return out;
}

/** v1 writes aliases as `version: "npm:real@1.0.0"` and git/file deps as the spec in `version`. */
function v1Entry(key: string, name: string, p: Record<string, unknown>): LockEntry {
  const raw = str(p.version) ?? "";
  const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(raw);
  const isSpec = !alias && /^[a-z+]+:/i.test(raw);
  const resolved = str(p.resolved) ?? (isSpec ? raw : undefined);
  return {
    key,
    name,
    realName: alias ? alias[1]! : name,
    version: alias ? alias[2]! : raw,
    resolved,
    integrity: str(p.integrity),
    local: p.bundled === true || (resolved ?? "").startsWith("link:"),
  };
}

/** npm 6 reads `dependencies`, npm 7+ reads `packages`: in a v2 file they must agree (tampering sign). */
export function compareSections(entries: LockEntry[], v1: Map<string, LockEntry>): Lockfile["conflicts"] {
  const conflicts: Lockfile["conflicts"] = [];
  for (const e of entries) {
    const old = v1.get(e.key);
    if (!old || e.local) continue;
    const diff =
      (old.version !== e.version && !sameSource(old.resolved, e.resolved) ? `version ${old.version} vs ${e.version}` : "") ||
      (old.integrity && e.integrity && old.integrity !== e.integrity ? "integrity" : "") ||
      (old.resolved && e.resolved && !sameSource(old.resolved, e.resolved) ? `resolved ${old.resolved} vs ${e.resolved}` : "");
    if (diff) conflicts.push({ key: e.key, detail: `"packages" and "dependencies" disagree on ${diff}` });
  }
  return conflicts;
}

/** npm 6 may write a git source as `github:o/r#sha` where npm 7 writes `git+ssh://...o/r.git#sha`. */
function sameSource(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const [x, y] = [classifySource(a), classifySource(b)];
  return x.kind === "git" && y.kind === "git" && x.repo === y.repo && x.ref === y.ref;
}
