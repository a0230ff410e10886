import type { LineCounter } from "yaml";
import { yaml } from "../../lib/lazy-packages.js";
import { LockfileError, isRecord } from "../lockfile-error.js";
import type { DuplicateKey, ImporterLock, LockEntry, Lockfile } from "../types.js";
import { pnpmEntry, pnpmImporter } from "./pnpm-entry.js";

/** pnpm 8 writes 6.0 (6.1 in some 8.x), pnpm 9 and 10 write 9.0. */
const KNOWN_VERSIONS = new Set(["6.0", "6.1", "9.0"]);

/** Parses pnpm-lock.yaml (lockfileVersion 6.x and 9.0) with the `yaml` library. */
export function parsePnpm(text: string, path: string): Lockfile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new LockfileError(path, `invalid YAML at line ${lineCounter.linePos(error.pos[0]).line} (${error.code})`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // Unresolved or exponential aliases (`*a`, billion laughs) fail only here.
    throw new LockfileError(path, `invalid YAML (${(err as Error).message})`);
  }
  if (!isRecord(data)) throw new LockfileError(path, "not a YAML mapping");
  const version = String(data.lockfileVersion);
  if (!KNOWN_VERSIONS.has(version)) throw new LockfileError(path, `unsupported lockfileVersion ${data.lockfileVersion === undefined ? "(missing)" : version} (known: 6.0, 9.0)`);
  const packages = isRecord(data.packages) ? data.packages : {};
  const entries: LockEntry[] = [];
  for (const [key, value] of Object.entries(packages)) {
    if (!isRecord(value)) throw new LockfileError(path, `package "${key}" is not a mapping`);
    entries.push(pnpmEntry(key, value));
  }
  const rawImporters = isRecord(data.importers) ? data.importers : { ".": data };
  const importers: ImporterLock[] = Object.entries(rawImporters).map(([dir, value]) => pnpmImporter(dir, isRecord(value) ? value : {}));
  const { lines, duplicates } = keyLines(doc.get("packages", true), lineCounter);
  return { format: "pnpm", path, entries, importers, recordsPeers: false, installsRootPeers: false, duplicates, conflicts: [], lineOf: (key) => lines.get(key) };
}

/** Lines of the `packages:` keys and keys written twice (the YAML parse keeps the last copy). */
function keyLines(node: unknown, counter: LineCounter): { lines: Map<string, number>; duplicates: DuplicateKey[] } {
  const { isMap, isScalar } = yaml();
  const lines = new Map<string, number>();
  const seen = new Map<string, string>();
  const duplicates: DuplicateKey[] = [];
  if (!isMap(node)) return { lines, duplicates };
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const line = counter.linePos(pair.key.range?.[0] ?? 0).line;
    const body = JSON.stringify(pair.value);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, body);
      lines.set(key, line);
    } else duplicates.push({ key, line, identical: first === body });
  }
  return { lines, duplicates };
}
