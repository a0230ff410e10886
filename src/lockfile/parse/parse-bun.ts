import { LockfileError, isRecord, specMap, str } from "../lockfile-error.js";
import type { ImporterLock, LockEntry, Lockfile } from "../types.js";
import { splitDescriptor } from "./descriptor.js";
import { scanKeys } from "./scan-keys.js";
import { stripJsonc } from "./strip-jsonc.js";

const KEY_LINE = /^(?: {2}"(?<section>[^"]+)": \{| {4}"(?<key>(?:[^"\\]|\\.)*)": \[)/gm;
const SECTIONS = new Set(["packages"]);
/** Last path segment of a bun package key (`parent/@scope/name` -> `@scope/name`). */
const LAST_NAME = /(@[^/]+\/[^/]+|[^/]+)$/;

/** Parses the text bun.lock (lockfileVersion 0 and 1): JSONC with `workspaces` and tuple `packages`. */
export function parseBun(text: string, path: string): Lockfile {
  let data: unknown;
  try {
    data = JSON.parse(stripJsonc(text));
  } catch (err) {
    throw new LockfileError(path, `invalid JSONC (${(err as Error).message})`);
  }
  if (!isRecord(data)) throw new LockfileError(path, "not a JSON object");
  if (data.lockfileVersion !== 0 && data.lockfileVersion !== 1) {
    throw new LockfileError(path, `unsupported lockfileVersion ${JSON.stringify(data.lockfileVersion) ?? "(missing)"} (known: 0, 1)`);
  }
  const packages = isRecord(data.packages) ? data.packages : {};
  const entries: LockEntry[] = [];
  for (const [key, tuple] of Object.entries(packages)) {
    if (!Array.isArray(tuple) || typeof tuple[0] !== "string") throw new LockfileError(path, `package "${key}" is not a [resolution, ...] tuple`);
    entries.push(bunEntry(key, tuple));
  }
  const versions = new Map(entries.map((e) => [e.key, e.version]));
  const workspaces = isRecord(data.workspaces) ? data.workspaces : {};
  const importers = Object.entries(workspaces).map(([dir, ws]) => bunImporter(dir, isRecord(ws) ? ws : {}, versions));
  const scan = scanKeys(text, KEY_LINE, { sections: SECTIONS });
  return { format: "bun", path, entries, importers, recordsPeers: true, installsRootPeers: false, duplicates: scan.duplicates, conflicts: [], lineOf: (key) => scan.lines.get(key) };
}

/** npm tuples are `[name@version, tarballUrl | "", info, integrity]`; others `[name@spec, info?, tag?]`. */
function bunEntry(key: string, tuple: unknown[]): LockEntry {
  const { name: realName, range } = splitDescriptor(tuple[0] as string);
  const name = LAST_NAME.exec(key)?.[1] ?? realName;
  const isNpm = typeof tuple[1] === "string";
  if (isNpm) {
    return { key, name, realName, version: range, resolved: str(tuple[1]) || undefined, integrity: str(tuple[3]) };
  }
  const local = /^(workspace|link|root):/.test(range);
  return { key, name, realName, version: range, resolved: range, local, noIntegritySlot: true, shortCommits: true };
}

/** `workspaces.<dir>` records the declared specs; a name resolves to `<workspace>/<name>`, then `<name>`. */
function bunImporter(dir: string, ws: Record<string, unknown>, versions: Map<string, string>): ImporterLock {
  const specs = new Map<string, string>();
  for (const kind of ["peerDependencies", "devDependencies", "dependencies", "optionalDependencies"]) {
    for (const [name, spec] of Object.entries(specMap(ws[kind]))) specs.set(name, spec);
  }
  const own = str(ws.name);
  return { path: dir, specs, resolve: (name) => (own && dir !== "" ? versions.get(`${own}/${name}`) : undefined) ?? versions.get(name) };
}
