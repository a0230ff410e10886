import lockfile from "@yarnpkg/lockfile";
import { LockfileError, isRecord, str } from "../lockfile-error.js";
import type { LockEntry, Lockfile } from "../types.js";
import { aliasTarget, splitDescriptor, splitKeyLine } from "./descriptor.js";
import { scanKeys } from "./scan-keys.js";

const KEY_LINE = /^(?<key>[^\s#][^\n]*?):\s*$/gm;

/**
 * Parses a yarn v1 lockfile with yarn's own parser. yarn v1 records no importers, only descriptors,
 * so its one importer ("*") answers for the root and every workspace.
 */
export function parseYarnV1(text: string, path: string): Lockfile {
  let parsed: ReturnType<typeof lockfile.parse>;
  try {
    parsed = lockfile.parse(text, path);
  } catch (err) {
    throw new LockfileError(path, `invalid yarn.lock (${(err as Error).message})`);
  }
  if (parsed.type === "conflict") throw new LockfileError(path, "unresolved merge conflict");
  const byBlock = new Map<unknown, LockEntry>();
  const byDescriptor = new Map<string, LockEntry>();
  for (const [descriptor, value] of Object.entries(parsed.object)) {
    if (!isRecord(value) || typeof value.version !== "string") throw new LockfileError(path, `entry "${descriptor}" has no version`);
    const { name, range } = splitDescriptor(descriptor);
    // yarn shares one object between the descriptors of one block: one entry per block.
    let e = byBlock.get(value);
    if (!e) {
      e = { key: descriptor, name, realName: aliasTarget(range)?.name ?? name, version: value.version, resolved: str(value.resolved) ?? localRange(range), integrity: str(value.integrity) };
      byBlock.set(value, e);
    }
    byDescriptor.set(descriptor, e);
  }
  const names = new Set([...byBlock.values()].map((e) => e.name));
  const scan = scanKeys(text, KEY_LINE, { split: splitKeyLine });
  return {
    format: "yarn-v1",
    path,
    entries: [...byBlock.values()],
    importers: [{ path: "*", resolve: (name, spec) => byDescriptor.get(`${name}@${spec}`)?.version, knows: (name) => names.has(name) }],
    recordsPeers: false, installsRootPeers: false,
    duplicates: scan.duplicates,
    conflicts: [],
    lineOf: (key) => scan.lines.get(key),
  };
}


/** yarn v1 writes no `resolved` for `file:`/`link:` folders: the descriptor range is the source. */
function localRange(range: string): string | undefined {
  return /^(file|link|portal):/.test(range) ? range : undefined;
}
