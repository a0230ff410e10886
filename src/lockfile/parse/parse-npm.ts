import { LockfileError, isRecord, specMap, str } from "../lockfile-error.js";
import type { ImporterLock, LockEntry, Lockfile } from "../types.js";
import { scanKeys } from "./scan-keys.js";
import { collectV1, compareSections } from "./npm-v1.js";

const KEY_LINE = /^(?: {2}"(?<section>[^"]+)": \{| {4}"(?<key>(?:[^"\\]|\\.)*)": \{)/gm;
const SECTIONS = new Set(["packages", "dependencies"]);

/** Parses package-lock.json / npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. */
export function parseNpm(text: string, path: string): Lockfile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new LockfileError(path, `invalid JSON (${(err as Error).message})`);
  }
  if (!isRecord(data)) throw new LockfileError(path, "not a JSON object");
  const version = data.lockfileVersion;
  if (version !== 1 && version !== 2 && version !== 3) {
    throw new LockfileError(path, `unsupported lockfileVersion ${JSON.stringify(version) ?? "(missing)"} (known: 1, 2, 3)`);
  }
  const scan = scanKeys(text, KEY_LINE, { sections: SECTIONS });
  const v1 = isRecord(data.dependencies) ? collectV1(data.dependencies) : new Map<string, LockEntry>();
  if (version === 1) {
    const byName = (name: string) => v1.get(`node_modules/${name}`)?.version;
    const lineOf = (key: string) => scan.lines.get(key.replace(/^node_modules\//, ""));
    return lockfile(path, [...v1.values()], [{ path: "", resolve: byName }], scan.duplicates, [], lineOf);
  }
  if (!isRecord(data.packages)) throw new LockfileError(path, `lockfileVersion ${version} without "packages"`);
  const packages = data.packages;
  const entries: LockEntry[] = [];
  const importers: ImporterLock[] = [];
  for (const [key, value] of Object.entries(packages)) {
    if (!isRecord(value)) throw new LockfileError(path, `entry "${key}" is not an object`);
    if (key === "" || !key.includes("node_modules/")) importers.push(importer(key, value, packages));
    else entries.push(entry(key, value));
  }
  const conflicts = version === 2 && v1.size > 0 ? compareSections(entries, v1) : [];
  return lockfile(path, entries, importers, scan.duplicates, conflicts, (key) => scan.lines.get(key));
}

function lockfile(path: string, entries: LockEntry[], importers: ImporterLock[], duplicates: Lockfile["duplicates"], conflicts: Lockfile["conflicts"], lineOf: Lockfile["lineOf"]): Lockfile {
  return { format: "npm", path, entries, importers, recordsPeers: true, installsRootPeers: true, duplicates, conflicts, lineOf };
}

function entry(key: string, p: Record<string, unknown>): LockEntry {
  const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
  const resolved = str(p.resolved);
  const link = p.link === true;
  return {
    key,
    name,
    realName: str(p.name) ?? name,
    version: str(p.version) ?? "",
    resolved: link ? `link:${resolved ?? ""}` : resolved,
    integrity: str(p.integrity),
    local: link || p.inBundle === true,
  };
}

/** Folder entries ("" and workspaces) record their declared specs; names resolve like Node does. */
function importer(key: string, p: Record<string, unknown>, packages: Record<string, unknown>): ImporterLock {
  const specs = new Map<string, string>();
  for (const kind of ["peerDependencies", "devDependencies", "dependencies", "optionalDependencies"]) {
    for (const [name, spec] of Object.entries(specMap(p[kind]))) specs.set(name, spec);
  }
  const resolve = (name: string): string | undefined => {
    const own = key === "" ? undefined : packages[`${key}/node_modules/${name}`];
    const found = own ?? packages[`node_modules/${name}`];
    if (!isRecord(found)) return undefined;
    const target = found.link === true ? packages[str(found.resolved) ?? ""] : found;
    return isRecord(target) ? str(target.version) ?? "" : undefined;
  };
  return { path: key, specs, resolve };
}
