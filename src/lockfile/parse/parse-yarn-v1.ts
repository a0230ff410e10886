import { createRequire } from "node:module";
import type { ParseResult } from "@yarnpkg/lockfile";
import { LockfileError, isRecord, str } from "../lockfile-error.js";
import type { LockEntry, Lockfile } from "../types.js";
import { aliasTarget, splitDescriptor, splitKeyLine } from "./descriptor.js";
import { scanKeys } from "./scan-keys.js";

// The package is webpacked CJS with a stray `default` key: bundlers and Node disagree on its default
// import, so load it the way yarn itself does.
const { parse: yarnParse } = createRequire(import.meta.url)("@yarnpkg/lockfile") as typeof import("@yarnpkg/lockfile");
const KEY_LINE = /^(?<key>[^\s#][^\n]*?):\s*$/gm;

/**
 * Parses a yarn v1 lockfile with yarn's own parser. yarn v1 records no importers, only descriptors,
 * so its one importer ("*") answers for the root and every workspace.
 */
export function parseYarnV1(text: string, path: string): Lockfile {
  const open = unterminatedStringLine(text);
  if (open) throw new LockfileError(path, `invalid yarn.lock (unterminated string at line ${open})`);
  let parsed: ParseResult;
  try {
    // A comment that ends the file without a newline also sends the tokenizer into that loop.
    parsed = yarnParse(text.endsWith("\n") ? text : `${text}\n`, path);
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

/**
 * yarn's tokenizer never stops on an unterminated string: it grows it until V8 gives up, seconds
 * later. Strings in a v1 lockfile are single-line, so a line that ends inside one is an error.
 */
function unterminatedStringLine(text: string): number | undefined {
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trimStart().startsWith("#")) continue;
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === "\\" && inString) i++;
      else if (line[i] === '"') inString = !inString;
    }
    if (inString) return n + 1;
  }
  return undefined;
}
