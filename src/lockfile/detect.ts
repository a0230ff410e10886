import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LockfileError } from "./lockfile-error.js";
import type { LockfileFormat } from "./types.js";

/** Lockfile names in the order package managers prefer them. */
const CANDIDATES = ["npm-shrinkwrap.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock"] as const;
/** Lockfiles we recognise but cannot read: an error, never a silent pass. */
const UNSUPPORTED: Record<string, string> = { "bun.lockb": "binary bun.lockb is not supported (run `bun install --save-text-lockfile` to write bun.lock)" };

/** A lockfile found in the project, with its text. */
export interface FoundLockfile {
  /** File name relative to the project root. */
  path: string;
  format: LockfileFormat;
  text: string;
}

/** Finds and reads every lockfile in `root`; throws when there is none or one we cannot read. */
export function detectLockfiles(root: string): FoundLockfile[] {
  for (const [name, why] of Object.entries(UNSUPPORTED)) {
    if (existsSync(join(root, name)) && !existsSync(join(root, "bun.lock"))) throw new LockfileError(name, why);
  }
  const found: FoundLockfile[] = [];
  for (const name of CANDIDATES) {
    const file = join(root, name);
    if (!existsSync(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new LockfileError(name, `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    found.push({ path: name, format: formatOf(name, text), text });
  }
  if (found.length === 0) throw new LockfileError(root, `no lockfile found (looked for ${CANDIDATES.join(", ")})`);
  return found;
}

/** yarn.lock is v1 (`# yarn lockfile v1`) or berry (`__metadata:`); anything else is unknown. */
export function formatOf(name: string, text: string): LockfileFormat {
  if (name.endsWith(".json")) return "npm";
  if (name === "pnpm-lock.yaml") return "pnpm";
  if (name === "bun.lock") return "bun";
  if (/^__metadata:/m.test(text)) return "yarn-berry";
  if (/^#\s*yarn lockfile v1\s*$/m.test(text)) return "yarn-v1";
  throw new LockfileError(name, "unknown yarn.lock format (neither \"# yarn lockfile v1\" nor a berry \"__metadata\" section)");
}
