import { isRecord, str } from "../lockfile-error.js";
import type { ImporterLock, LockEntry } from "../types.js";
import { splitDescriptor } from "./descriptor.js";

/** One `packages:` entry: v9 keys `name@version`, v6 keys `/name@version(peers)` or `host/path`. */
export function pnpmEntry(key: string, value: Record<string, unknown>): LockEntry {
  const bare = stripPeers(key.startsWith("/") ? key.slice(1) : key);
  const parsed = splitDescriptor(bare);
  const name = str(value.name) ?? parsed.name;
  const resolution = isRecord(value.resolution) ? value.resolution : {};
  return {
    key,
    name,
    realName: name,
    version: str(value.version) ?? parsed.range,
    resolved: resolvedOf(resolution),
    integrity: str(resolution.integrity),
  };
}

/** Where pnpm fetched from: a tarball URL, a git repo + commit, a directory; none for the registry. */
function resolvedOf(r: Record<string, unknown>): string | undefined {
  const tarball = str(r.tarball);
  if (tarball) return tarball;
  const repo = str(r.repo);
  if (repo) return `${/^[a-z]+:\/\//i.test(repo) && !repo.startsWith("git") ? "git+" : ""}${repo}#${str(r.commit) ?? ""}`;
  const directory = str(r.directory);
  return directory === undefined ? undefined : `file:${directory}`;
}

/** An importer (`importers.<dir>` or, in single-project v6 files, the top level) with `{specifier, version}` deps. */
export function pnpmImporter(dir: string, value: Record<string, unknown>): ImporterLock {
  const specs = new Map<string, string>();
  const versions = new Map<string, string>();
  for (const kind of ["devDependencies", "dependencies", "optionalDependencies"]) {
    const deps = value[kind];
    if (!isRecord(deps)) continue;
    for (const [name, dep] of Object.entries(deps)) {
      if (!isRecord(dep)) continue;
      specs.set(name, str(dep.specifier) ?? "");
      versions.set(name, lockedVersion(str(dep.version) ?? ""));
    }
  }
  return { path: dir === "." ? "" : dir, specs, resolve: (name) => versions.get(name) };
}

/** `1.0.0(react@18.2.0)` -> `1.0.0`; aliases `/real@1.0.0` (v6), `real@1.0.0` (v9) -> `1.0.0`. */
function lockedVersion(version: string): string {
  const bare = stripPeers(version);
  if (/^(link|file|workspace):/.test(bare)) return bare;
  const at = bare.lastIndexOf("@");
  return at > 0 ? bare.slice(at + 1) : bare;
}

function stripPeers(text: string): string {
  const paren = text.indexOf("(");
  return paren < 0 ? text : text.slice(0, paren);
}
