import { yarnParsers } from "../../lib/lazy-packages.js";
import { LockfileError, isRecord, specMap, str } from "../lockfile-error.js";
import type { ImporterLock, LockEntry, Lockfile } from "../types.js";
import { splitDescriptor, splitKeyLine } from "./descriptor.js";
import { berryResolved, normalizeBerrySpec } from "./berry-resolution.js";
import { scanKeys } from "./scan-keys.js";

const KEY_LINE = /^(?<key>[^\s#][^\n]*?):\s*$/gm;
/** `__metadata.version` written by yarn 2 (4) through yarn 4 (8). */
const KNOWN_VERSIONS = new Set(["4", "5", "6", "7", "8"]);

/** Parses a yarn berry (v2+) lockfile with yarn's own `parseSyml`. */
export function parseYarnBerry(text: string, path: string): Lockfile {
  let data: Record<string, unknown>;
  try {
    data = yarnParsers().parseSyml(text);
  } catch (err) {
    throw new LockfileError(path, `invalid yarn.lock (${(err as Error).message})`);
  }
  const meta = data.__metadata;
  const version = isRecord(meta) ? String(meta.version) : undefined;
  if (!version || !KNOWN_VERSIONS.has(version)) {
    throw new LockfileError(path, `unsupported yarn lockfile __metadata.version ${version ?? "(missing)"} (known: 4-8)`);
  }
  const entries: LockEntry[] = [];
  const importers: ImporterLock[] = [];
  const byDescriptor = new Map<string, LockEntry>();
  for (const [keyLine, value] of Object.entries(data)) {
    if (keyLine === "__metadata") continue;
    if (!isRecord(value)) throw new LockfileError(path, `entry "${keyLine}" is not a mapping`);
    const resolution = str(value.resolution);
    if (!resolution) throw new LockfileError(path, `entry "${keyLine}" has no resolution`);
    const descriptors = splitKeyLine(keyLine);
    const first = splitDescriptor(descriptors[0]!);
    const target = splitDescriptor(resolution);
    const resolved = berryResolved(target.range);
    const e: LockEntry = {
      key: descriptors[0]!,
      name: first.name,
      realName: target.name,
      version: str(value.version) ?? "",
      resolved: resolved.resolved,
      integrity: str(value.checksum),
      integrityKind: "berry",
      local: resolved.local || (value.conditions !== undefined && value.checksum === undefined),
    };
    entries.push(e);
    // link:/portal:/file: descriptors carry the declaring workspace (`::locator=`); package.json does not.
    for (const d of descriptors) byDescriptor.set(d, e).set(d.replace(/::locator=.*$/, ""), e);
    if (target.range.startsWith("workspace:")) importers.push(workspace(target.range, value, byDescriptor));
  }
  const scan = scanKeys(text, KEY_LINE, { split: splitKeyLine });
  return { format: "yarn-berry", path, entries, importers, recordsPeers: true, installsRootPeers: false, duplicates: scan.duplicates, conflicts: [], lineOf: (key) => scan.lines.get(key) };
}

/** A `name@workspace:dir` entry records the workspace's dependencies (dev included) and peers. */
function workspace(range: string, value: Record<string, unknown>, byDescriptor: Map<string, LockEntry>): ImporterLock {
  const dir = range.slice("workspace:".length);
  const specs = new Map<string, string>();
  for (const kind of ["peerDependencies", "dependencies"]) {
    for (const [name, spec] of Object.entries(specMap(value[kind]))) specs.set(name, normalizeBerrySpec(spec));
  }
  return {
    path: dir === "." ? "" : dir,
    specs,
    resolve: (name, spec) => byDescriptor.get(`${name}@${spec}`)?.version ?? byDescriptor.get(`${name}@npm:${spec}`)?.version,
  };
}
