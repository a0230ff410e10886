import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../cli/errors.js";
import { CHAINED_NAME, hookScript, isOurHook } from "./hook-script.js";

/** What install or uninstall did, for the one-line message. */
export type HookOutcome =
  | "installed"
  | "already installed"
  | "updated"
  | "installed, existing hook chained"
  | "replaced existing hook"
  | "uninstalled"
  | "uninstalled, earlier hook restored"
  | "not installed";

/**
 * Writes our pre-commit hook into hooksDir. Idempotent (an identical hook is left untouched);
 * a foreign hook is moved aside and run first by ours, unless `force` replaces it.
 */
export function installHook({ hooksDir, force }: { hooksDir: string; force: boolean }): HookOutcome {
  const target = join(hooksDir, "pre-commit");
  const chained = join(hooksDir, CHAINED_NAME);
  const script = hookScript();
  const current = readHook(target);
  if (current === script) return "already installed";
  mkdirSync(hooksDir, { recursive: true });
  let outcome: HookOutcome = "installed";
  if (current !== undefined && isOurHook(current)) outcome = "updated";
  else if (current !== undefined && force) outcome = "replaced existing hook";
  else if (current !== undefined) {
    if (exists(chained)) {
      throw new UsageError(`${target}: another hook is there and ${CHAINED_NAME} is taken; merge them by hand or use --force to replace ${target}`);
    }
    renameSync(target, chained);
    outcome = "installed, existing hook chained";
  }
  writeHook(target, script);
  return outcome;
}

/** Removes our hook and puts back the hook it had chained; a foreign hook is left alone. */
export function uninstallHook({ hooksDir }: { hooksDir: string }): HookOutcome {
  const target = join(hooksDir, "pre-commit");
  const chained = join(hooksDir, CHAINED_NAME);
  const current = readHook(target);
  if (current === undefined || !isOurHook(current)) return "not installed";
  unlinkSync(target);
  if (!exists(chained)) return "uninstalled";
  renameSync(chained, target);
  return "uninstalled, earlier hook restored";
}

/** The hook's text; undefined when there is none. A dangling symlink counts as a (foreign) hook. */
function readHook(path: string): string | undefined {
  if (!exists(path)) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Replaces the file (never writing through a symlink into someone else's script). */
function writeHook(path: string, text: string): void {
  if (exists(path)) unlinkSync(path);
  writeFileSync(path, text, { mode: 0o755 });
  chmodSync(path, 0o755);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
